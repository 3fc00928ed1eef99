package fr.usinesouvertes.events;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The events content types load, and every showcase site of the site module gets a site and a published 2026 sheet. */
class SeedContentTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .modules(new EventsModule());

    @Test
    void theContentTypesOfTheEventsModelAreDefinedWithTheirWorkspaces() {
        DefinitionRegistry registry = PLATFORM.platform().definitions().current();

        assertThat(registry.contentType("company")).map(ContentTypeDefinition::workspace).hasValue("companies");
        assertThat(registry.contentType("site")).map(ContentTypeDefinition::workspace).hasValue("sites");
        assertThat(registry.contentType("eventSheet")).map(ContentTypeDefinition::workspace).hasValue("events");
        assertThat(registry.contentType("edition")).map(ContentTypeDefinition::workspace).hasValue("editions");
    }

    @Test
    void everyShowcaseSiteHasASiteWithCoordinatesAndAPublishedSheetWithFridayAndSaturdaySlots() {
        PLATFORM.platform().repository().read(session -> {
            Set<String> seededInseeCodes = new HashSet<>();
            int sheets = 0;
            for (NodeIterator it = session.getNode("/events/2026").getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                sheets++;
                assertThat(sheet.getProperty("status").getString()).isEqualTo("published");
                assertThat(sheet.getProperty("registrationMode").getString()).isEqualTo("platform");
                Node site = session.getNodeByIdentifier(sheet.getProperty("site").getString());
                assertThat(site.getPath()).isEqualTo("/sites/" + sheet.getName());
                Node company = session.getNodeByIdentifier(site.getProperty("company").getString());
                assertThat(company.getPath()).startsWith("/companies/");
                assertThat(site.getProperty("latitude").getDouble()).isBetween(41.0, 51.5);
                assertThat(site.getProperty("longitude").getDouble()).isBetween(-5.5, 10.0);
                seededInseeCodes.add(site.getProperty("inseeCode").getString());
                Node slots = sheet.getNode("slots");
                assertThat(slots.getNodes().getSize()).isEqualTo(3);
                for (NodeIterator s = slots.getNodes(); s.hasNext(); ) {
                    Node slot = s.nextNode();
                    assertThat(slot.getProperty("capacity").getLong()).isBetween(15L, 40L);
                    assertThat(slot.getProperty("start").getDate().get(java.util.Calendar.DAY_OF_MONTH)).isIn(20, 21);
                    assertThat(slot.isNodeType("mix:referenceable")).isTrue();
                }
            }
            assertThat(sheets).isEqualTo(27);
            assertThat(session.getNode("/sites/colas-santes").getProperty("commune").getString()).isEqualTo("Santes");
            for (NodeIterator it = session.getNode("/showcases").getNodes(); it.hasNext(); ) {
                Node showcase = it.nextNode();
                if (!showcase.hasNode("sites")) {
                    continue;
                }
                for (NodeIterator s = showcase.getNode("sites").getNodes(); s.hasNext(); ) {
                    Node showcaseSite = s.nextNode();
                    if (showcaseSite.hasProperty("inseeCode")) {
                        assertThat(seededInseeCodes).as(showcaseSite.getPath()).contains(showcaseSite.getProperty("inseeCode").getString());
                    }
                }
            }
            return null;
        });
    }
}
