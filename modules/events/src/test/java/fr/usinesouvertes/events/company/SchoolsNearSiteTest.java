package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.schools.School;
import fr.usinesouvertes.events.schools.SchoolDirectory;
import fr.usinesouvertes.events.schools.SchoolsCsv;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schools directory from an extract of the official export (any column order, an extra column): collèges, lycées
 * by track and EREA kept, the primary school and the guidance centre out of scope, the row without a position, the
 * duplicate and the malformed UAI reported with their line; then, over real HTTP, the schools within 45 minutes of a
 * site open to school groups on Friday, sorted by estimated minutes.
 */
class SchoolsNearSiteTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    @Test
    void theExportIsReadRowsLeftOutAreReportedAndSchoolsWithinReachComeSortedByMinutes() throws Exception {
        SchoolsCsv.Parsed parsed;
        try (InputStream in = SchoolsNearSiteTest.class.getResourceAsStream("/schools/annuaire-extrait.csv")) {
            parsed = SchoolsCsv.read(in, false);
        }
        assertThat(parsed.schools()).extracting(School::uai)
                .containsExactly("0590001A", "0590002B", "0590003C", "0590005E", "0800006F");
        assertThat(parsed.schools().get(1).levels())
                .containsExactlyInAnyOrder(School.Level.LYCEE_GENERAL, School.Level.LYCEE_TECHNOLOGIQUE);
        assertThat(parsed.schools().get(2).levels()).containsExactly(School.Level.LYCEE_PROFESSIONNEL);
        assertThat(parsed.schools().get(2).publicSector()).isFalse();
        assertThat(parsed.outOfScope()).isEqualTo(2);
        assertThat(parsed.problems()).extracting(SchoolsCsv.Problem::line, SchoolsCsv.Problem::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple(8L, "UAI 0590007G has no position (latitude, longitude)"),
                org.assertj.core.groups.Tuple.tuple(9L, "UAI 0590001A appears twice"),
                org.assertj.core.groups.Tuple.tuple(10L, "Identifiant_de_l_etablissement '59X' is not a UAI (seven digits and a letter)"));
        assertThatThrownBy(() -> SchoolsCsv.read(new ByteArrayInputStream("Nom;Ville\nx;y\n".getBytes(StandardCharsets.UTF_8)), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Identifiant_de_l_etablissement");

        SchoolDirectory directory = new SchoolDirectory(PLATFORM.platform().repository());
        assertThat(directory.replace(parsed.schools(), "test", Clock.systemUTC())).isEqualTo(5);
        assertThat(directory.all()).hasSize(5);

        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", "correct horse battery".toCharArray(),
                Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("organisation@example.fr", "correct horse battery");
        var answer = organiser.get("/.rest/organiser/v1/schools/near-site/" + sheet.slug() + "?edition=2026");
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode results = JsonMapper.mapper().readTree(answer.body()).get("results");
        // Santes's collège, then Lille's lycée and EREA; Valenciennes (55 km) and Amiens (95 km) are out of reach
        assertThat(results).extracting(r -> r.get("uai").asText()).containsExactly("0590001A", "0590005E", "0590002B");
        assertThat(results.get(0).get("minutes").asInt()).isLessThan(results.get(2).get("minutes").asInt());
        assertThat(results.get(0).fieldNames()).toIterable().containsExactly("uai", "name", "type", "commune", "km", "minutes");
        assertThat(JsonMapper.mapper().readTree(organiser.get("/.rest/organiser/v1/schools/near-site/" + sheet.slug()
                + "?edition=2026&minutes=180").body()).get("results")).hasSize(5);

        // coverage by department (the seed's sites open to schools count too): every school counted once, Santes's
        // collège and Lille's lycée and EREA within reach
        JsonNode coverage = JsonMapper.mapper().readTree(organiser.get("/.rest/organiser/v1/schools/coverage?edition=2026").body());
        assertThat(coverage.get("sites").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(coverage.get("covered").asInt() + coverage.get("uncovered").asInt()).isEqualTo(5);
        assertThat(coverage.get("covered").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(coverage.get("byDepartment")).extracting(d -> d.get("department").asText() + ":"
                + (d.get("covered").asInt() + d.get("uncovered").asInt())).containsExactly("59:4", "80:1");
        JsonNode factories = JsonMapper.mapper().readTree(organiser.get("/.rest/organiser/v1/schools/0590002B/factories"
                + "?edition=2026").body()).get("results");
        assertThat(factories).extracting(f -> f.get("site").asText()).contains(sheet.slug());
        assertThat(factories.get(0).get("minutes").asInt()).isLessThanOrEqualTo(45);
        assertThat(organiser.get("/.rest/organiser/v1/schools/9999999Z/factories?edition=2026").statusCode()).isEqualTo(404);

        assertThat(organiser.get("/.rest/organiser/v1/schools/near-site/" + sheet.slug() + "?edition=deux").statusCode())
                .isEqualTo(400);
        assertThat(organiser.get("/.rest/organiser/v1/schools/near-site/nulle-part?edition=2026").statusCode()).isEqualTo(404);
        assertThat(organiser.get("/.rest/organiser/v1/schools/near-site/" + sheet.slug() + "?edition=2025").statusCode())
                .as("no sheet that year").isEqualTo(404);
        assertThat(AdminBrowser.on(PLATFORM).get("/.rest/organiser/v1/schools/near-site/" + sheet.slug() + "?edition=2026")
                .statusCode()).isEqualTo(401);
    }
}
