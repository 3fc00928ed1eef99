package fr.usinesouvertes.platform.rendering;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A site in three languages ({@code src/test/resources/feeds-site}: French by default, English, German): one feed
 * per language of the site's {@code i18n}, under its URL prefix, with the items' texts in that language or the
 * fallback locale's (a language the site does not have is no feed); the back office previews a page in each.
 */
class ThreeLanguageSiteTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/feeds-site"))
            .inMemory().setting("public-url", "https://usines.example/");

    @BeforeAll
    static void content() {
        PLATFORM.platform().repository().write(session -> {
            Node home = session.getNode("/website").addNode("feeds", "mgnl:page");
            home.setProperty("mgnl:template", "feeds:pages/page");
            home.setProperty("title", "Accueil");
            Node room = home.addNode("actualites", "mgnl:page");
            room.setProperty("mgnl:template", "feeds:pages/news-room");
            room.setProperty("title", "Actualités");
            room.setProperty("title_de", "Neuigkeiten");
            Node item = session.getNode("/news").addNode("premiere", "mgnl:content");
            item.setProperty("title", "Première nouvelle");
            item.setProperty("title_de", "Erste Nachricht");
            Calendar date = new GregorianCalendar(TimeZone.getTimeZone("Europe/Paris"));
            date.set(2026, Calendar.FEBRUARY, 11, 9, 0, 0);
            item.setProperty("date", date);
            return null;
        });
        PLATFORM.publishAll();
    }

    @Test
    void eachLanguageOfTheSiteHasItsFeedWithItsTexts() {
        Document french = rss("/feeds/actualites.rss");
        assertThat(french.selectFirst("channel > language").text()).isEqualTo("fr");
        assertThat(french.selectFirst("item > title").text()).isEqualTo("Première nouvelle");
        assertThat(french.selectFirst("item > link").text()).isEqualTo("https://usines.example/actualites/premiere");

        Document german = rss("/de/feeds/actualites.rss");
        assertThat(german.selectFirst("channel > language").text()).isEqualTo("de");
        assertThat(german.selectFirst("channel > title").text()).startsWith("Neuigkeiten");
        assertThat(german.selectFirst("item > title").text()).isEqualTo("Erste Nachricht");
        assertThat(german.selectFirst("item > link").text()).isEqualTo("https://usines.example/de/actualites/premiere");

        Document english = rss("/en/feeds/actualites.rss"); // no English text: the fallback locale's, French
        assertThat(english.selectFirst("item > title").text()).isEqualTo("Première nouvelle");
        assertThat(english.selectFirst("item > link").text()).isEqualTo("https://usines.example/en/actualites/premiere");

        HttpResponse<String> atom = PLATFORM.get("/de/feeds/actualites.atom");
        assertThat(atom.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(atom.body(), "", Parser.xmlParser()).selectFirst("entry > title").text())
                .isEqualTo("Erste Nachricht");
    }

    @Test
    void aLanguageTheSiteDoesNotHaveHasNoFeed() {
        assertThat(PLATFORM.get("/es/feeds/actualites.rss").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/de/feeds/nulle-part.rss").statusCode()).isEqualTo(404);
    }

    @Test
    void theBackOfficePreviewsAPageInEachLanguageOfTheSite() {
        var editor = PLATFORM.staff();
        Document screen = Jsoup.parse(editor.get("/admin/pages/page?path=%2Ffeeds%2Factualites").body());
        assertThat(screen.select("a[href^=/admin/pages/preview]").eachAttr("href")).containsExactly(
                "/admin/pages/preview?path=%2Ffeeds%2Factualites",
                "/admin/pages/preview?path=%2Ffeeds%2Factualites&language=en",
                "/admin/pages/preview?path=%2Ffeeds%2Factualites&language=de");
        assertThat(screen.select("a[hreflang=de]").text()).contains("Deutsch");

        assertThat(Jsoup.parse(editor.get("/admin/pages/preview?path=%2Ffeeds%2Factualites&language=de").body())
                .selectFirst("h1").text()).isEqualTo("Neuigkeiten");
        assertThat(Jsoup.parse(editor.get("/admin/pages/preview?path=%2Ffeeds%2Factualites&language=es").body())
                .selectFirst("h1").text()).isEqualTo("Actualités"); // not a language of the site: the default one

        Document german = Jsoup.parse(editor.get("/admin/pages/editor?path=%2Ffeeds%2Factualites&language=de").body());
        assertThat(german.selectFirst("#page-editor-frame").attr("src")).endsWith("&editBars=1&language=de");
        assertThat(german.select(".page-editor-bar a[hreflang]").eachText()).containsExactly("Français", "English");
    }

    private static Document rss(String path) {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        return Jsoup.parse(response.body(), "", Parser.xmlParser());
    }
}
