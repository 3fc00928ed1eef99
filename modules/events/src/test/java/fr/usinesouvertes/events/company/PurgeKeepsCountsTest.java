package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.organiser.EditionFigures;
import fr.usinesouvertes.events.organiser.RegistrationPurge;
import fr.usinesouvertes.events.survey.SurveyAnswer;
import fr.usinesouvertes.events.survey.SurveyAnswers;
import fr.usinesouvertes.events.survey.SurveyTally;
import fr.usinesouvertes.events.survey.results.SurveyResults;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The edition purge removes the names and contacts of registrations, who checked them in and the survey's free
 * comments, and keeps the attendance counts (present, no-shows, walk-ins) and the survey's aggregates.
 */
class PurgeKeepsCountsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    @Test
    void thePurgeRemovesNamesAndKeepsAttendanceAndSurveyCounts() throws Exception {
        ContentRepository repository = PLATFORM.platform().repository();
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Purge",
                "purge@fonderie.example.fr", "Fonderie Purge de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "purge.example.fr");
        String slot = sheet.saturdaySlot();
        List<String> families = CancellationFixtures.registrationIds(PLATFORM, slot);
        // Martin came with 5, Smith did not, and a walk-in group of 3
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("purge@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String page = company.get("/admin/pointage/").body();
        int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
        HttpResponse<String> synced = PLATFORM.http().send(HttpRequest.newBuilder(PLATFORM.uri("/admin/pointage/sync"))
                .header("Cookie", company.cookieHeader()).header("X-CSRF-Token", page.substring(at, page.indexOf('"', at)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"operations\": ["
                        + "{\"type\": \"present\", \"slot\": \"" + slot + "\", \"registration\": \"" + families.get(0)
                        + "\", \"persons\": 5}, {\"type\": \"absent\", \"slot\": \"" + slot + "\", \"registration\": \""
                        + families.get(1) + "\"}, {\"type\": \"walk-in\", \"slot\": \"" + slot
                        + "\", \"walkIn\": \"phone-purge-01\", \"persons\": 3}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(synced.statusCode()).isEqualTo(200);
        repository.write(session -> {
            SurveyAnswers.write(session, slot, families.get(0), new SurveyAnswer(Audience.PUBLIC, 5, true, null, null,
                    List.of("trades"), "Merci à Mme Dupont pour la visite"), Instant.parse("2026-03-22T09:00:00Z"));
            return null;
        });
        EditionFigures.Line before = new EditionFigures(repository, PARIS).of(2026).total();
        assertThat(before.presentPersons()).isEqualTo(8);
        assertThat(before.noShowPersons()).isEqualTo(6);
        assertThat(before.walkInPersons()).isEqualTo(3);
        SurveyResults results = new SurveyResults(repository, new CompanySites(repository, CompanyGrants.PLATFORM),
                new EventSheets(repository, CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, PARIS), PARIS);

        RegistrationPurge.Result purged = new RegistrationPurge(repository,
                Clock.fixed(Instant.parse("2026-03-23T09:00:00Z"), PARIS), PARIS).purge(2026);
        assertThat(purged.done()).as(purged.message()).isTrue();

        EditionFigures.Line after = new EditionFigures(repository, PARIS).of(2026).total();
        assertThat(after.presentPersons()).isEqualTo(8);
        assertThat(after.noShowPersons()).isEqualTo(6);
        assertThat(after.walkInPersons()).isEqualTo(3);
        assertThat(after.confirmedPersons()).isEqualTo(before.confirmedPersons());
        String stored = repository.read(session -> dump(session.getNode("/registrations/" + slot), new StringBuilder()))
                .toString();
        assertThat(stored).doesNotContain("Famille Martin", "martin@purge.example.fr", "purge@fonderie.example.fr",
                "Mme Dupont").contains("purged=true", "state=present", "persons=5");
        List<SurveyResults.Row> rows = results.edition(2026);
        assertThat(rows).hasSize(1);
        SurveyTally tally = SurveyResults.total(rows);
        assertThat(tally.answers()).isEqualTo(1);
        assertThat(tally.averageRating()).isEqualTo(5.0);
        assertThat(tally.recommend()).isEqualTo(1);
        assertThat(tally.interests().get("trades")).isEqualTo(1);
        assertThat(rows.get(0).answer().comment()).isEmpty();
    }

    private static StringBuilder dump(javax.jcr.Node node, StringBuilder out) throws javax.jcr.RepositoryException {
        for (javax.jcr.PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            javax.jcr.Property property = it.nextProperty();
            out.append(property.getName()).append('=').append(property.isMultiple() ? "[…]"
                    : property.getString()).append('\n');
        }
        for (javax.jcr.NodeIterator it = node.getNodes(); it.hasNext(); ) {
            dump(it.nextNode(), out);
        }
        return out;
    }
}
