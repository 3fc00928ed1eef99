package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.jcr.Node;
import org.awaitility.core.ConditionTimeoutException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code GET /.rest/search/v1/content} and the /recherche page over the site's seed pages and press releases. */
class ContentSearchTest {

    private static final String NEWEST = "/salle-de-presse/2026-02-11-dossier-de-presse-plus-de-400-usines-ouvrent-leurs-portes";
    private static final String OLDEST = "/salle-de-presse/2025-07-09-les-journees-usines-ouvertes-reviennent-les-20-et-21-mars-2026";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00")
            .modules(new EventsModule());

    @Test
    void findsPressReleasesWithFrenchAnalysisAccentsAndStemming() throws Exception {
        JsonNode answer = awaitSearch("q=reindustrialisation&type=pressRelease", a -> a.path("total").asInt() > 0);
        assertThat(urls(answer)).containsExactly(OLDEST); // "réindustrialisation", written with its accent
        assertThat(urls(search("q=reindustrialisation"))).contains(OLDEST, "/"); // the home page's text too
        JsonNode result = answer.path("results").get(0);
        assertThat(result.path("type").asText()).isEqualTo("pressRelease");
        assertThat(result.path("title").asText()).isEqualTo("Les Journées Usines Ouvertes reviennent les 20 et 21 mars 2026");
        assertThat(result.path("summary").asText()).startsWith("Après le succès");
        assertThat(result.path("date").asText()).isEqualTo("2025-07-09T07:00:00Z");

        assertThat(urls(search("q=" + enc("l'usine ouverte")))).contains(NEWEST, OLDEST);
    }

    @Test
    void filtersByTypeAndFindsPagesByTheirComponentsText() throws Exception {
        awaitSearch("type=page", a -> a.path("total").asInt() > 3);
        JsonNode pages = search("type=page&limit=50");
        assertThat(pages.path("results").findValuesAsText("type")).containsOnly("page");
        assertThat(urls(pages)).contains("/", "/salle-de-presse", "/partenaires").doesNotContain("/404");
        JsonNode releases = search("type=pressRelease");
        assertThat(releases.path("total").asInt()).isEqualTo(2);
        assertThat(urls(search("q=partenaires&type=page"))).contains("/partenaires");
    }

    @Test
    void englishSearchesEnglishTextsAndAnswersEnglishTitlesAndUrls() throws Exception {
        JsonNode answer = awaitSearch("q=factories+return&lang=en", a -> a.path("total").asInt() > 0);
        List<String> urls = urls(answer);
        assertThat(urls).contains("/en" + OLDEST);
        assertThat(answer.path("results").findValuesAsText("title"))
                .contains("The Open Factory Days return on 20 and 21 March 2026");
    }

    @Test
    void newPressReleaseIsFoundOnceWritten() throws Exception {
        awaitSearch("type=pressRelease", a -> a.path("total").asInt() == 2);
        PLATFORM.platform().repository().write(session -> {
            Node release = session.getNode("/press-releases").addNode("2026-03-01-bilan", "mgnl:content");
            release.setProperty("title", "Bilan des journées : fréquentation record");
            release.setProperty("lead", "Plus de trente mille visiteurs.");
            return null;
        });
        JsonNode unpublished = search("q=frequentation");
        assertThat(unpublished.path("total").asInt()).as("a draft is not public").isZero();
        PLATFORM.platform().publishing().publish("test", "press-releases", "/2026-03-01-bilan", false);
        JsonNode answer = awaitSearch("q=frequentation", a -> a.path("total").asInt() == 1);
        assertThat(urls(answer)).containsExactly("/salle-de-presse/2026-03-01-bilan");
    }

    @Test
    void badParametersAre400NamingTheParameter() throws Exception {
        for (String[] bad : new String[][] {{"type=site", "type"}, {"lang=de", "lang"}, {"limit=0", "limit"},
                {"limit=51", "limit"}, {"offset=-1", "offset"}, {"sort=date", "sort"}, {"q=" + "x".repeat(201), "q"}}) {
            HttpResponse<String> response = PLATFORM.get("/.rest/search/v1/content?" + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("parameter").asText()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(body.path("message").asText()).isNotBlank();
        }
    }

    @Test
    void searchPageShowsResultsAndEveryPageHasASearchBox() throws Exception {
        awaitSearch("q=usines", a -> a.path("total").asInt() > 0);
        Document home = Jsoup.parse(PLATFORM.get("/").body());
        assertThat(home.selectFirst("header form[role=search]").attr("action")).isEqualTo("/recherche");
        assertThat(home.selectFirst("label[for=site-search-q]").text()).isEqualTo("Rechercher sur le site");

        HttpResponse<String> response = PLATFORM.get("/recherche?q=" + enc("réindustrialisation"));
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#search-q").attr("value")).isEqualTo("réindustrialisation");
        assertThat(page.selectFirst(".search-count").text()).matches("\\d+ résultats");
        assertThat(page.select(".search-results a").eachAttr("href")).contains(OLDEST, "/");
        assertThat(page.select(".search-results .meta").eachText()).contains("Communiqué de presse", "Page");

        Document english = Jsoup.parse(PLATFORM.get("/en/recherche?q=" + enc("<script>nothing</script>")).body());
        assertThat(english.selectFirst(".search-count").text()).isEqualTo("0 results");
        assertThat(english.selectFirst("#search-q").attr("value")).isEqualTo("<script>nothing</script>");
        assertThat(english.select("script")).noneMatch(s -> s.html().contains("nothing"));
    }

    @Test
    void aPageNumberThatIsNotOneAnswers400WithTheFirstPageAndNoTemplateError() {
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            for (String page : new String[]{"abc", "0", "-1", "99999", "1.5"}) {
                HttpResponse<String> response = PLATFORM.get("/recherche?q=usines&page=" + page);
                assertThat(response.statusCode()).as(page).isEqualTo(400);
                assertThat(Jsoup.parse(response.body()).selectFirst("#search-q").attr("value")).isEqualTo("usines");
            }
            assertThat(PLATFORM.get("/recherche?q=usines&page=2").statusCode()).isEqualTo(200);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN));
    }

    /** The answer to {@code query} once {@code ready}, or the last one after 20 s (the caller's assertion tells). */
    private static JsonNode awaitSearch(String query, Predicate<JsonNode> ready) throws Exception {
        try {
            return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> search(query), ready);
        } catch (ConditionTimeoutException notYet) {
            return search(query);
        }
    }

    private static JsonNode search(String query) throws Exception {
        HttpResponse<String> response = PLATFORM.get("/.rest/search/v1/content?" + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> urls(JsonNode answer) {
        List<String> urls = new ArrayList<>();
        answer.path("results").forEach(r -> urls.add(r.path("url").asText()));
        return urls;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
