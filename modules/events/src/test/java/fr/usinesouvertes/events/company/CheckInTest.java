package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The gate's check-in over real HTTP, as phones send it: present with the persons there, the same queue sent twice and
 * two phones checking the same class count it once, walk-ins by the phone's id, closing a slot makes the bookings
 * nobody checked no-shows (not the waiting ones); bad operations are refused naming the field with nothing written,
 * another company's slot is 404, and no operation passes without the CSRF token.
 */
class CheckInTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    static CancellationFixtures.PublishedSheet sheet;
    static CancellationFixtures.PublishedSheet other;
    static AdminBrowser company;
    static String friday;
    static String saturday;

    @BeforeAll
    static void registrations() {
        sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha", "alpha@fonderie.example.fr",
                "Fonderie Alpha de Santes");
        other = CancellationFixtures.publishedSheet(PLATFORM, "Tissage Beta", "beta@tissage.example.fr",
                "Tissage Beta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        SlotDirectory slots = new SlotDirectory(PLATFORM.platform().repository(), 6, ZoneId.of("Europe/Paris"));
        friday = slots.find(sheet.fridaySlot()).orElseThrow().visit().start().toLocalDate().toString();
        saturday = slots.find(sheet.saturdaySlot()).orElseThrow().visit().start().toLocalDate().toString();
        company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        assertThat(company.get("/admin/pointage/").statusCode()).isEqualTo(200);
    }

    @Test
    void twoPhonesAndARepeatedQueueCountEachBookingOnceAndWalkInsByTheirId() throws Exception {
        JsonNode day = json(company.get("/admin/pointage/jour.json?jour=" + friday).body());
        JsonNode slot = day.at("/slots/0");
        assertThat(slot.get("id").asText()).isEqualTo(sheet.fridaySlot());
        assertThat(slot.get("bookings")).hasSize(1);
        JsonNode booking = slot.at("/bookings/0");
        assertThat(booking.get("label").asText()).isEqualTo("Collège Jean Moulin");
        assertThat(booking.get("expected").asLong()).isEqualTo(20);
        assertThat(booking.get("state").asText()).isEqualTo("expected");
        String present = op("present", sheet.fridaySlot(), "\"registration\": \"" + booking.get("id").asText()
                + "\", \"persons\": 18");
        String walkIn = op("walk-in", sheet.fridaySlot(), "\"walkIn\": \"phone-a-0001\", \"persons\": 3");

        assertThat(sync(friday, present, walkIn).statusCode()).isEqualTo(200);
        assertThat(sync(friday, present, walkIn).statusCode()).isEqualTo(200); // the same queue again
        HttpResponse<String> secondPhone = sync(friday, op("present", sheet.fridaySlot(), "\"registration\": \""
                + booking.get("id").asText() + "\", \"persons\": 19"));
        slot = json(secondPhone.body()).at("/slots/0");
        assertThat(slot.at("/bookings/0/state").asText()).isEqualTo("present");
        assertThat(slot.at("/bookings/0/present").asLong()).isEqualTo(19);
        assertThat(slot.get("walkIns")).hasSize(1);
        assertThat(slot.get("presentPersons").asLong()).isEqualTo(22);
    }

    @Test
    void closingASlotMakesTheBookingsNobodyCheckedNoShowsButNotTheWaitingOnes() throws Exception {
        JsonNode slot = json(company.get("/admin/pointage/jour.json?jour=" + saturday).body()).at("/slots/0");
        assertThat(slot.get("bookings")).hasSize(4);
        String martin = slot.at("/bookings/0/id").asText();
        JsonNode closed = json(sync(saturday, op("present", sheet.saturdaySlot(), "\"registration\": \"" + martin
                + "\", \"persons\": 5"), op("close", sheet.saturdaySlot(), "")).body()).at("/slots/0");
        assertThat(closed.get("closed").asBoolean()).isTrue();
        assertThat(closed.get("bookings")).extracting(b -> b.get("state").asText())
                .containsExactly("present", "absent", "absent", "expected"); // the waiting family was never due
        assertThat(closed.get("presentPersons").asLong()).isEqualTo(5);
    }

    @Test
    void badOperationsAreRefusedNamingTheFieldAndNothingIsWritten() throws Exception {
        String registration = json(company.get("/admin/pointage/jour.json?jour=" + friday).body())
                .at("/slots/0/bookings/0/id").asText();
        String valid = op("walk-in", sheet.fridaySlot(), "\"walkIn\": \"phone-b-0002\", \"persons\": 2");
        HttpResponse<String> refused = sync(friday, valid, op("present", sheet.fridaySlot(), "\"registration\": \""
                + registration + "\", \"persons\": 0"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused.body()).get("field").asText()).isEqualTo("operations[1].persons");
        assertThat(company.get("/admin/pointage/jour.json?jour=" + friday).body()).doesNotContain("phone-b-0002");

        HttpResponse<String> stranger = sync(friday, op("present", sheet.fridaySlot(), "\"registration\": \""
                + sheet.saturdaySlot() + "\", \"persons\": 2"));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(json(stranger.body()).get("field").asText()).isEqualTo("registration");
        assertThat(sync(friday, op("close", other.fridaySlot(), "")).statusCode()).as("another company's slot")
                .isEqualTo(404);
        assertThat(sync(friday, "{\"type\": \"teleport\", \"slot\": \"" + sheet.fridaySlot() + "\"}").statusCode())
                .isEqualTo(400);
        assertThat(company.get("/admin/pointage/jour.json?jour=demain").statusCode()).isEqualTo(400);

        HttpResponse<String> withoutToken = PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/admin/pointage/sync"))
                .header("Cookie", company.cookieHeader()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"operations\": [" + valid + "]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withoutToken.statusCode()).isEqualTo(403);
    }

    private static String op(String type, String slot, String more) {
        return "{\"type\": \"" + type + "\", \"slot\": \"" + slot + "\"" + (more.isEmpty() ? "" : ", " + more) + "}";
    }

    private static HttpResponse<String> sync(String date, String... operations) throws Exception {
        return PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/admin/pointage/sync"))
                .header("Cookie", company.cookieHeader()).header("X-CSRF-Token", csrf())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\": \"" + date + "\", \"operations\": ["
                        + String.join(", ", operations) + "]}")).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String csrf() {
        String page = company.get("/admin/pointage/").body();
        int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
        return page.substring(at, page.indexOf('"', at));
    }

    private static JsonNode json(String body) throws Exception {
        return JsonMapper.mapper().readTree(body);
    }
}
