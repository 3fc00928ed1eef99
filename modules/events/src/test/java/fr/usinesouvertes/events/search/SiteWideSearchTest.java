package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * Over the seed site: the factory search reads what a company says about itself (its description and
 * showcase, with the sectors' synonyms), in the directory, the API and the site-wide search (/recherche),
 * which answers with factories and pages together, in French and English, in a real browser too.
 */
class SiteWideSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(
                    Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-03-01T10:00:00+01:00")
            .setting("communes", Path.of("src/test/resources/search/communes.csv").toAbsolutePath().toString())
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @BeforeAll
    static void indexed() throws Exception {
        awaitSearch("/.rest/search/v1?q=colas&limit=1", a -> a.path("total").asInt() == 13);
        awaitSearch("/.rest/search/v1/content?q=usines", a -> a.path("total").asInt() > 0);
    }

    @Test
    void whatACompanySaysAboutItselfFindsItsSitesWithSectorSynonyms() throws Exception {
        // "médicaments" only appears in UPSA's showcase text; "pharmacie" in no text of UPSA at all
        assertThat(slugs(search("/.rest/search/v1?q=" + enc("médicaments")))).containsExactly("upsa-agen");
        assertThat(slugs(search("/.rest/search/v1?q=pharmacie"))).containsExactly("upsa-agen");
        assertThat(slugs(search("/.rest/search/v1?q=" + enc("MEDICAMENT")))).containsExactly("upsa-agen");
        // English: the showcase's English sector
        assertThat(slugs(search("/.rest/search/v1?lang=en&q=laboratory"))).contains("upsa-agen");

        for (String path : new String[] {"/usines?q=" + enc("médicaments"), "/usines?q=pharmacie", "/en/usines?q=pharmacie"}) {
            Document page = Jsoup.parse(PLATFORM.get(path).body());
            assertThat(page.select(".result a").eachAttr("href")).as(path)
                    .containsExactly(path.startsWith("/en") ? "/en/usines/upsa-agen" : "/usines/upsa-agen");
        }
    }

    @Test
    void aChangeToACompanysDescriptionOrShowcaseReindexesItsSites() throws Exception {
        assertThat(search("/.rest/search/v1?q=effervescents").path("total").asInt()).isZero();
        PLATFORM.platform().repository().write(session -> {
            Node company = session.getNode("/companies/upsa");
            company.setProperty("description", company.getProperty("description").getString()
                    + "<p>Comprimés effervescents.</p>");
            return null;
        });
        assertThat(slugs(awaitSearch("/.rest/search/v1?q=effervescents", a -> a.path("total").asInt() == 1)))
                .containsExactly("upsa-agen");

        assertThat(search("/.rest/search/v1?q=" + enc("paracétamol")).path("total").asInt()).isZero();
        PLATFORM.platform().repository().write(session -> {
            Node showcase = session.getNode("/showcases/upsa");
            showcase.setProperty("description", "<p>Le paracétamol d'Agen.</p>");
            return null;
        });
        // a draft is not public: the index keeps the published showcase, whatever updates it runs meanwhile
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(10))
                .until(() -> search("/.rest/search/v1?q=" + enc("paracétamol")).path("total").asInt() == 0);
        PLATFORM.platform().publishing().publish("test", "showcases", "/upsa", false);
        assertThat(slugs(awaitSearch("/.rest/search/v1?q=" + enc("paracétamol"), a -> a.path("total").asInt() == 1)))
                .containsExactly("upsa-agen");
    }

    @Test
    void theSiteSearchAnswersWithFactoriesAndPagesInFrenchAndEnglish() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/recherche?q=Amiens");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());
        assertThat(page.selectFirst("#search-sites-title").text()).isEqualTo("Usines (2)");
        assertThat(page.select(".search-site-results h3 a").eachAttr("href"))
                .containsExactlyInAnyOrder("/usines/colas-amiens", "/usines/colas-amiens-2");
        assertThat(page.select(".search-site-results .meta").eachText()).containsOnly("Usine · Amiens (80)");
        assertThat(page.selectFirst(".search-sites a.read-more").attr("href")).isEqualTo("/usines?q=Amiens");
        assertThat(page.selectFirst(".search-sites a.read-more").text()).isEqualTo("Voir toutes les usines pour « Amiens »");
        assertThat(page.selectFirst(".search-count").text()).isEqualTo("2 résultats");

        // a word found in factories and in pages: both groups, factories first
        Document both = Jsoup.parse(PLATFORM.get("/recherche?q=Colas").body());
        assertThat(both.selectFirst("#search-sites-title").text()).isEqualTo("Usines (13)");
        assertThat(both.select(".search-site-results > li")).hasSize(5);
        assertThat(both.selectFirst("#search-content-title").text()).startsWith("Pages et communiqués (");
        assertThat(both.select(".search-results a").eachAttr("href")).isNotEmpty();
        assertThat(both.select(".search-group").eachAttr("class").get(0)).contains("search-sites");

        Document english = Jsoup.parse(PLATFORM.get("/en/recherche?q=Amiens").body());
        assertThat(english.selectFirst("#search-sites-title").text()).isEqualTo("Factories (2)");
        assertThat(english.select(".search-site-results h3 a").eachAttr("href"))
                .containsExactlyInAnyOrder("/en/usines/colas-amiens", "/en/usines/colas-amiens-2");
        assertThat(english.selectFirst(".search-sites a.read-more").attr("href")).isEqualTo("/en/usines?q=Amiens");
        assertThat(english.selectFirst(".search-sites a.read-more").text()).isEqualTo("See all factories for “Amiens”");

        // the same text in the directory finds the same factories
        Document directory = Jsoup.parse(PLATFORM.get("/usines?q=Amiens").body());
        assertThat(directory.select(".result h3 a, .result h4 a").eachAttr("href"))
                .containsExactlyInAnyOrder("/usines/colas-amiens", "/usines/colas-amiens-2");

        // nothing found, on a later page, or a bad page: no factories group, bad input still a 400
        assertThat(Jsoup.parse(PLATFORM.get("/recherche?q=zzzzqx").body()).select(".search-sites")).isEmpty();
        assertThat(Jsoup.parse(PLATFORM.get("/recherche?q=Colas&page=2").body()).select(".search-sites")).isEmpty();
        assertThat(PLATFORM.get("/recherche?q=Amiens&page=x").statusCode()).isEqualTo(400);
    }

    @Test
    void theHeaderSearchLeadsToFactoriesAndPagesInABrowser() throws Exception {
        for (String lang : new String[] {"", "/en"}) {
            BROWSER.open(PLATFORM.uri(lang + "/"));
            WebElement box = BROWSER.find("header form[role=search] input[name=q]");
            box.sendKeys("Amiens");
            box.sendKeys(Keys.ENTER);
            BROWSER.find(".search-sites");
            assertThat(BROWSER.driver().getCurrentUrl()).endsWith(lang + "/recherche?q=Amiens");
            List<String> links = new ArrayList<>();
            BROWSER.driver().findElements(org.openqa.selenium.By.cssSelector(".search-site-results h3 a"))
                    .forEach(a -> links.add(a.getAttribute("href")));
            assertThat(links).hasSize(2).allMatch(href -> href.contains(lang + "/usines/colas-amiens"));
            BROWSER.assertAccessible();
            Path folder = Path.of("target/screenshots");
            Files.createDirectories(folder);
            Files.write(folder.resolve("recherche-amiens" + lang.replace('/', '-') + ".png"),
                    BROWSER.driver().getScreenshotAs(OutputType.BYTES));
            BROWSER.clickAndWait(".search-sites a.read-more");
            assertThat(BROWSER.driver().getCurrentUrl()).endsWith(lang + "/usines?q=Amiens");
            assertThat(BROWSER.driver().findElements(org.openqa.selenium.By.cssSelector(".result"))).hasSize(2);
        }
        BROWSER.open(PLATFORM.uri("/recherche?q=Colas")).assertAccessible();
    }

    private static JsonNode awaitSearch(String path, Predicate<JsonNode> ready) {
        return await(path + " matched").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> search(path), ready);
    }

    private static JsonNode search(String path) throws Exception {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> slugs(JsonNode answer) {
        List<String> slugs = new ArrayList<>();
        answer.path("results").forEach(r -> slugs.add(r.path("slug").asText()));
        return slugs;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
