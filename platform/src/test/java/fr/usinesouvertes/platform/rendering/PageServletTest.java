package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PageServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(RenderingFixtures.LIGHT_MODULES)
            .inMemory();

    private static String assetId;

    @BeforeAll
    static void createSite() {
        assetId = SiteContent.create(PLATFORM.platform().repository());
        PLATFORM.platform().definitions().replace(SiteContent.registry());
        PLATFORM.publishAll();
    }

    @Test
    void servesPagesAsUtf8HtmlWithLanguageAndOneMinuteOfPublicCaching() {
        HttpResponse<String> response = PLATFORM.get("/?q=usine");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).isEqualToIgnoringCase("text/html;charset=UTF-8"));
        assertThat(response.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=60, must-revalidate");
        assertThat(response.headers().firstValue("Last-Modified")).isPresent();
        assertThat(response.body()).contains("<h1 id=\"title\">Accueil</h1>").contains("Troisième");
    }

    @Test
    void englishPrefixSwitchesLanguage() {
        HttpResponse<String> response = PLATFORM.get("/en");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
        assertThat(response.body()).contains("<h1 id=\"title\">Home</h1>");
        assertThat(PLATFORM.get("/en/news").body()).contains("Actualités");
        assertThat(PLATFORM.get("/news.html").statusCode()).isEqualTo(200);
    }

    @Test
    void answers304WhenTheETagMatches() {
        HttpResponse<String> first = PLATFORM.get("/news");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> second = PLATFORM.get("/news", "If-None-Match", etag);
        assertThat(second.statusCode()).isEqualTo(304);
        assertThat(second.body()).isEmpty();
        assertThat(PLATFORM.get("/news", "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
    }

    @Test
    void headAnswersHeadersOnly() throws Exception {
        HttpResponse<String> response = PLATFORM.send(HttpRequest.newBuilder(PLATFORM.uri("/news"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("ETag")).isPresent();
        assertThat(response.body()).isEmpty();
    }

    @Test
    void componentFailureLeavesThePageAt200() {
        HttpResponse<String> response = PLATFORM.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Premier").doesNotContain("class=\"broken\"");
    }

    @Test
    void unknownPageIsAFrench404() {
        HttpResponse<String> response = PLATFORM.get("/nulle/part");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).isEqualToIgnoringCase("text/html;charset=UTF-8"));
        assertThat(response.body()).contains("Page introuvable").contains("href=\"/\"");
        HttpResponse<String> english = PLATFORM.get("/en/nowhere");
        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("Page not found").contains("href=\"/en\"");
    }

    @Test
    void brokenPageTemplateIsA500WithoutStackTraceWhileTheLogKeepsIt() {
        HttpResponse<String> response;
        List<ILoggingEvent> logged;
        try (LogCapture log = LogCapture.of(PageRenderer.class, Level.ERROR)) {
            response = PLATFORM.get("/broken");
            logged = log.events();
        }
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("Page indisponible").doesNotContain("at fr.").doesNotContain("Exception");
        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getFormattedMessage()).contains("/broken");
            assertThat(event.getThrowableProxy()).as("the stack trace").isNotNull();
        });
    }

    @Test
    void detailPagesHaveStableUrls() {
        HttpResponse<String> response = PLATFORM.get("/press/juillet?utm=x");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("Communiqué de juillet|juillet");
        assertThat(PLATFORM.get("/press/absent").statusCode()).isEqualTo(404);
    }

    @Test
    void servesAssetsAtTheirDamLinks() {
        String link = "/dam/jcr:" + assetId + "/logo.svg";
        HttpResponse<String> response = PLATFORM.get(link);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/svg+xml");
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(response.body().length()));
        assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                value -> assertThat(value).startsWith("public, max-age="));
        assertThat(response.body()).startsWith("<svg");
        String etag = response.headers().firstValue("ETag").orElseThrow();
        assertThat(PLATFORM.get(link, "If-None-Match", etag).statusCode()).isEqualTo(304);
        assertThat(PLATFORM.get("/dam/jcr:" + assetId.replace('a', 'b').replace('1', '2') + "/x.svg").statusCode())
                .isEqualTo(404);
        assertThat(PLATFORM.get("/dam/jcr:not-a-uuid/x").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/dam/logos/logo").statusCode()).isEqualTo(404);
    }

    @Test
    void damDoesNotServeNodesOutsideTheDamWorkspace() {
        String pageId = PLATFORM.platform().repository().read(s -> s.getNode("/website/home").getIdentifier());
        assertThat(PLATFORM.get("/dam/jcr:" + pageId + "/home").statusCode()).isEqualTo(404);
    }
}
