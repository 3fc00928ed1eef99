package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A page template sets its HTTP status with {@code ctx.response.setStatus}, and keeps its full page. */
class PageStatusTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory();

    @BeforeAll
    static void createSite() {
        PLATFORM.platform().repository().write(session ->
                RenderingFixtures.page(session, "/home", "status", "title", "Annuaire", "title_en", "Directory"));
        PLATFORM.platform().definitions().replace(DefinitionRegistry.builder()
                .template(RenderingFixtures.page("status", Map.of())).build());
        PLATFORM.publishAll();
    }

    @Test
    void aPageIsAnswered200AndCachedWhenTheTemplateSetsNoStatus() {
        HttpResponse<String> page = PLATFORM.get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("ETag")).isPresent();
        assertThat(page.headers().firstValue("Cache-Control")).hasValue(PageServlet.PAGE_CACHE_CONTROL);
        assertThat(page.body()).contains("<h1 id=\"title\">Annuaire</h1>").doesNotContain("refused");
    }

    @Test
    void theTemplatesStatusIsAnsweredWithTheWholePageNeverCached() {
        HttpResponse<String> french = PLATFORM.get("/?status=400");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("<h1 id=\"title\">Annuaire</h1>")
                .contains("<p id=\"refused\">Cette valeur est refusée.</p>").contains("</html>");
        assertThat(french.headers().firstValue("Cache-Control")).hasValue("no-cache");
        assertThat(french.headers().firstValue("ETag")).isEmpty();
        assertThat(french.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/html");

        HttpResponse<String> english = PLATFORM.get("/en?status=400");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(english.body()).contains("<p id=\"refused\">This value is refused.</p>");

        assertThat(PLATFORM.get("/?status=503").statusCode()).isEqualTo(503);
        // the same page without the parameter is not affected by the earlier answers
        assertThat(PLATFORM.get("/").statusCode()).isEqualTo(200);
    }

    @Test
    void aStatusOtherThan200Or4xxOr5xxFailsTheRenderingWithoutAStackTrace() {
        HttpResponse<String> redirect = PLATFORM.get("/?status=302");

        assertThat(redirect.statusCode()).isEqualTo(500);
        assertThat(redirect.body()).doesNotContain("Exception").doesNotContain("setStatus");
    }
}
