package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.directory.DirectoryTestPages;
import fr.usinesouvertes.events.search.CommunesTable;
import fr.usinesouvertes.events.search.SearchFixtures;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.List;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sites saved without a position get their commune's, once, and are then found near it. */
class SitePositionsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("clock", "2026-03-01T10:00:00+01:00")
            .modules(new EventsModule());

    @Test
    void anOldSiteWithoutCoordinatesGetsItsCommunesAndIsFoundNearIt() {
        SearchFixtures fixtures = new SearchFixtures(PLATFORM.platform().repository());
        String company = fixtures.company("ancienne", "Ancienne Usine", "Textile");
        String old = fixtures.site("ancienne-longueau", company, "Filature de Longueau", "Longueau", "", "",
                "Textile", Double.NaN, Double.NaN, "<p>Fils.</p>");
        fixtures.sheet(2026, "ancienne-longueau", old, "published",
                new SearchFixtures.Slot("2026-03-21T09:00:00+01:00", 10, 0, List.of("public")));
        fixtures.site("ancienne-atlantide", company, "Usine engloutie", "Atlantide", "", "", "Textile",
                Double.NaN, Double.NaN, "<p>Sous l'eau.</p>");
        String placed = fixtures.site("ancienne-lille", company, "Atelier de Lille", "Lille", "59", "Hauts-de-France",
                "Textile", 50.63, 3.06, "<p>Tissus.</p>");

        assertThat(SitePositions.backfill(PLATFORM.platform().repository(), CommunesTable.embedded())).isEqualTo(1);

        PLATFORM.platform().repository().read(session -> {
            Node site = session.getNode("/sites/ancienne-longueau");
            assertThat(site.getProperty("inseeCode").getString()).isEqualTo("80489");
            assertThat(site.getProperty("department").getString()).isEqualTo("80");
            assertThat(site.getProperty("region").getString()).isEqualTo("Hauts-de-France");
            assertThat(site.getProperty("postalCode").getString()).isEqualTo("80330");
            assertThat(site.getProperty("latitude").getDouble()).isBetween(49.85, 49.90);
            assertThat(site.getProperty("positionSource").getString()).isEqualTo("commune");
            assertThat(session.getNode("/sites/ancienne-atlantide").hasProperty("latitude")).isFalse();
            assertThat(session.getNode("/sites/ancienne-lille").getProperty("latitude").getDouble()).isEqualTo(50.63);
            assertThat(session.getNode("/sites/ancienne-lille").hasProperty("inseeCode")).isFalse();
            return null;
        });
        assertThat(placed).isNotEmpty();
        assertThat(SitePositions.backfill(PLATFORM.platform().repository(), CommunesTable.embedded()))
                .as("nothing left to fill").isZero();
        DirectoryTestPages.await(PLATFORM, "/.rest/search/v1?near=80000&km=15",
                json -> json.contains("ancienne-longueau"));
    }
}
