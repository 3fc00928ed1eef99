package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Phones syncing the same check-ins at the same instant (their syncs share commits): each booking and walk-in counts
 * once, whatever the order; a booking cancelled meanwhile is refused at once, though the gate's list was read before.
 */
class CheckInConcurrencyTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    @Test
    void phonesSyncingAtOnceCountEachBookingAndWalkInOnce() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Gamma",
                "gamma@fonderie.example.fr", "Fonderie Gamma de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "gamma.example.fr");
        String slot = sheet.saturdaySlot();
        List<String> families = CancellationFixtures.registrationIds(PLATFORM, slot);
        String body = "{\"operations\": [" + present(slot, families.get(0), 5) + ", " + present(slot, families.get(1), 6)
                + ", {\"type\": \"walk-in\", \"slot\": \"" + slot + "\", \"walkIn\": \"phone-gamma-01\", \"persons\": 2}]}";
        int phones = 8;
        List<AdminBrowser> browsers = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < phones; i++) {
            AdminBrowser browser = AdminBrowser.on(PLATFORM);
            browser.login("gamma@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
            String page = browser.get("/admin/pointage/").body();
            int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
            browsers.add(browser);
            tokens.add(page.substring(at, page.indexOf('"', at)));
        }
        CyclicBarrier together = new CyclicBarrier(phones);
        ExecutorService threads = Executors.newFixedThreadPool(phones);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < phones; i++) {
                int phone = i;
                answers.add(threads.submit(() -> {
                    together.await();
                    return sync(browsers.get(phone), tokens.get(phone), body);
                }));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            threads.shutdown();
        }
        JsonNode day = JsonMapper.mapper().readTree(browsers.get(0).get("/admin/pointage/jour.json?jour="
                + saturday(slot)).body()).at("/slots/0");
        assertThat(day.get("presentPersons").asLong()).isEqualTo(13);
        assertThat(day.get("walkIns")).hasSize(1);

        // the Nguyen family cancels: the gate's kept list is read again, and its check-in refused naming the field
        PLATFORM.platform().repository().write(session -> {
            session.getNodeByIdentifier(families.get(2)).setProperty("status", "cancelled");
            session.getNode("/registrations/" + slot).setProperty("bookingToken", "cancelled-by-the-test");
            return null;
        });
        HttpResponse<String> refused = sync(browsers.get(1), tokens.get(1), "{\"operations\": ["
                + present(slot, families.get(2), 6) + "]}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"registration\"");
    }

    private static String present(String slot, String registration, int persons) {
        return "{\"type\": \"present\", \"slot\": \"" + slot + "\", \"registration\": \"" + registration
                + "\", \"persons\": " + persons + "}";
    }

    private static String saturday(String slot) {
        return new fr.usinesouvertes.events.registration.SlotDirectory(PLATFORM.platform().repository(), 6,
                java.time.ZoneId.of("Europe/Paris")).find(slot).orElseThrow().visit().start().toLocalDate().toString();
    }

    private static HttpResponse<String> sync(AdminBrowser browser, String token, String body) throws Exception {
        return PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/admin/pointage/sync"))
                .header("Cookie", browser.cookieHeader()).header("X-CSRF-Token", token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
