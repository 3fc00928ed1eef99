package fr.usinesouvertes.events.site;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events module on a site other than the Journées Usines Ouvertes' one: no {@code usines-ouvertes} light module, no
 * site definition. Its definitions load without a problem and its pages render in the module's own frame.
 */
class WithoutTheSiteModuleTest {

    private static final Path NO_LIGHT_MODULES = emptyFolder();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(NO_LIGHT_MODULES)
            .inMemory().setting("clock", "2026-03-01T10:00:00+01:00").modules(new EventsModule());

    @BeforeAll
    static void content() {
        EventFixtures fixtures = new EventFixtures(PLATFORM.platform().repository());
        String acme = fixtures.company("acme", "Acme Industrie");
        String santes = fixtures.site("acme-santes", acme, "Site de Santes", "Santes", "59", "Hauts-de-France");
        fixtures.sheet(2026, "acme-santes", santes, "published");
        fixtures.slot(2026, "acme-santes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 20,
                List.of("school", "public"));
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node page = session.getNode("/website").addNode("usines", "mgnl:page");
            page.setProperty("mgnl:template", "events:pages/sites");
            page.setProperty("title", "Les usines de la région");
            return null;
        });
        PLATFORM.publishAll();
    }

    @Test
    void theModulesDefinitionsLoadWithoutTheSiteModule() {
        assertThat(PLATFORM.platform().definitions().current().problems())
                .filteredOn(p -> p.definitionId() != null && p.definitionId().startsWith("events:"))
                .extracting(Problem::toString).isEmpty();
    }

    @Test
    void itsPagesRenderInTheModulesOwnFrame() {
        HttpResponse<String> list = PLATFORM.get("/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<html lang=\"fr\"", "/events/webresources/css/frame.css",
                "Aller au contenu", "Les usines de la région").doesNotContain("usines-ouvertes");
        HttpResponse<String> site = PLATFORM.get("/acme-santes");
        assertThat(site.statusCode()).isEqualTo(200);
        assertThat(site.body()).contains("Site de Santes", "Acme Industrie", "/events/webresources/css/frame.css");
        HttpResponse<String> english = PLATFORM.get("/en/acme-santes");
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("<html lang=\"en\"", "Skip to content");
    }

    private static Path emptyFolder() {
        try {
            return Files.createTempDirectory("no-light-modules");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
