package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.organiser.FranceTravailExport;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The France Travail groups' export over real HTTP: an agency's group of 5 candidates checked in with 4 present at the
 * gate comes out with its adviser, registered and present candidates; the class of the same slot does not; the
 * region filter applies; administrators only.
 */
class FranceTravailExportTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    @Test
    void anAgencysGroupComesOutWithItsCandidatesRegisteredAndPresent() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        String group = new SlotBooking(PLATFORM.platform().repository(), Clock.systemUTC()).book(new BookingRequest(
                sheet.fridaySlot(), 5, UUID.randomUUID().toString(), node -> {
                    node.setProperty("audience", "franceTravail");
                    node.setProperty("agency", "France Travail Lille Centre");
                    node.setProperty("adviserName", "M. Durand");
                    node.setProperty("email", "durand@francetravail.example.fr");
                })).registrationId();
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String page = company.get("/admin/pointage/").body();
        int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
        HttpResponse<String> synced = PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/admin/pointage/sync"))
                .header("Cookie", company.cookieHeader()).header("X-CSRF-Token", page.substring(at, page.indexOf('"', at)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"operations\": [{\"type\": \"present\", \"slot\": \"" + sheet.fridaySlot()
                                + "\", \"registration\": \"" + group + "\", \"persons\": 4}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(synced.statusCode()).isEqualTo(200);

        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", "correct horse battery".toCharArray(),
                Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("organisation@example.fr", "correct horse battery");
        HttpResponse<String> csv = organiser.get("/.rest/organiser/v1/exports/france-travail.csv?edition=2026");
        assertThat(csv.statusCode()).isEqualTo(200);
        List<String> lines = csv.body().replace("\uFEFF", "").lines().toList();
        assertThat(lines.get(0)).isEqualTo(String.join(";", FranceTravailExport.HEADERS));
        assertThat(lines).hasSize(2); // the group only, not the class nor the families
        assertThat(lines.get(1)).contains("Fonderie Alpha de Santes", "France Travail Lille Centre", "M. Durand")
                .endsWith(";5;Présent;4;Confirmé"); // 5 places left after the class of 20
        assertThat(organiser.get("/.rest/organiser/v1/exports/france-travail.csv?edition=2026&region=Bretagne").body()
                .lines().count()).isEqualTo(1);
        assertThat(company.get("/.rest/organiser/v1/exports/france-travail.csv?edition=2026").statusCode()).isEqualTo(403);
    }
}
