package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotFoundPageTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory();

    @Test
    @Order(1)
    void withoutAnySiteEveryPathIsTheBuiltIn404() {
        HttpResponse<String> response = PLATFORM.get("/");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable");
    }

    @Test
    @Order(2)
    void theSitesOwn404PageIsRenderedWithStatus404() {
        PLATFORM.platform().definitions().replace(SiteContent.registry());
        PLATFORM.platform().repository().write(session -> {
            RenderingFixtures.page(session, "/home", "home", "title", "Site"); // the test site's root
            RenderingFixtures.page(session, "/home/404", "notfound", "title", "Cette page n’existe pas");
            return null;
        });
        PLATFORM.publishAll();
        HttpResponse<String> response = PLATFORM.get("/introuvable");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("<h1 id=\"custom404\">Cette page n’existe pas</h1>");
        assertThat(PLATFORM.get("/").statusCode()).isEqualTo(200);
    }
}
