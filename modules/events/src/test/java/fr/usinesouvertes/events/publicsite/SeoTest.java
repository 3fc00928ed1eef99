package fr.usinesouvertes.events.publicsite;

import static fr.usinesouvertes.events.publicsite.PressRoomTest.meta;
import static fr.usinesouvertes.events.publicsite.PressRoomTest.xml;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** sitemap.xml, robots.txt and the head of the site's pages: canonical, hreflang, Open Graph, lang. */
class SeoTest {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String XHTML_NS = "http://www.w3.org/1999/xhtml";

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").setting("public-url", "https://usines.example/")
            .modules(new EventsModule());

    @Test
    void sitemapListsPagesPressReleasesAndPublicSitePagesInBothLanguages() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/sitemap.xml");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        org.w3c.dom.Document sitemap = xml(response.body());
        assertThat(sitemap.getDocumentElement().getNamespaceURI()).isEqualTo(SITEMAP_NS);
        assertThat(sitemap.getDocumentElement().getLocalName()).isEqualTo("urlset");

        Map<String, Element> urls = new HashMap<>();
        NodeList nodes = sitemap.getElementsByTagNameNS(SITEMAP_NS, "url");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element url = (Element) nodes.item(i);
            urls.put(url.getElementsByTagNameNS(SITEMAP_NS, "loc").item(0).getTextContent(), url);
        }
        assertThat(urls).containsKeys("https://usines.example/", "https://usines.example/en/",
                "https://usines.example/salle-de-presse", "https://usines.example/en/salle-de-presse",
                "https://usines.example/salle-de-presse/" + PressRoomTest.NEWEST,
                "https://usines.example/en/salle-de-presse/" + PressRoomTest.OLDEST,
                "https://usines.example/usines", "https://usines.example/usines/colas-santes",
                "https://usines.example/en/usines/colas-santes");
        assertThat(urls.keySet()).noneMatch(loc -> loc.endsWith("/404"));
        // only sites with a published sheet: every listed site page answers 200
        urls.keySet().stream().filter(loc -> loc.startsWith("https://usines.example/usines/")).limit(5).forEach(loc ->
                assertThat(PLATFORM.get(loc.substring("https://usines.example".length())).statusCode()).as(loc).isEqualTo(200));

        Element release = urls.get("https://usines.example/salle-de-presse/" + PressRoomTest.NEWEST);
        assertThat(OffsetDateTime.parse(release.getElementsByTagNameNS(SITEMAP_NS, "lastmod").item(0).getTextContent()))
                .isNotNull();
        List<String> alternates = new ArrayList<>();
        NodeList links = release.getElementsByTagNameNS(XHTML_NS, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            assertThat(link.getAttribute("rel")).isEqualTo("alternate");
            alternates.add(link.getAttribute("hreflang") + " " + link.getAttribute("href"));
        }
        assertThat(alternates).containsExactly(
                "fr https://usines.example/salle-de-presse/" + PressRoomTest.NEWEST,
                "en https://usines.example/en/salle-de-presse/" + PressRoomTest.NEWEST,
                "x-default https://usines.example/salle-de-presse/" + PressRoomTest.NEWEST);
    }

    @Test
    void robotsAllowTheSiteKeepCrawlersOutOfApisAndBackOfficeAndNameTheSitemap() {
        HttpResponse<String> robots = PLATFORM.get("/robots.txt");
        assertThat(robots.statusCode()).isEqualTo(200);
        assertThat(robots.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(robots.body().lines()).contains("User-agent: *", "Allow: /", "Disallow: /admin/", "Disallow: /.rest/",
                "Sitemap: https://usines.example/sitemap.xml");
    }

    @Test
    void everyPageHeadHasLangCanonicalHreflangAndOpenGraph() {
        for (String path : List.of("/", "/salle-de-presse", "/partenaires", "/usines/colas-santes")) {
            Document french = Jsoup.parse(PLATFORM.get(path).body());
            assertThat(french.selectFirst("html").attr("lang")).as(path).isEqualTo("fr");
            String canonical = french.selectFirst("link[rel=canonical]").attr("href");
            assertThat(canonical).as(path).isEqualTo("https://usines.example" + path);
            assertThat(meta(french, "og:url")).isEqualTo(canonical);
            assertThat(meta(french, "og:title")).isNotBlank();
            assertThat(meta(french, "og:type")).isEqualTo("website"); // "article" is for press releases
            assertThat(meta(french, "og:locale")).isEqualTo("fr_FR");
            assertThat(meta(french, "og:image")).startsWith("https://usines.example/");
            assertThat(french.select("link[rel=alternate][hreflang]").eachAttr("hreflang"))
                    .containsExactly("fr", "en", "x-default");
            assertThat(french.selectFirst("link[rel=alternate][hreflang=en]").attr("href"))
                    .isEqualTo("https://usines.example/en" + path);
        }
        Document english = Jsoup.parse(PLATFORM.get("/en/salle-de-presse").body());
        assertThat(english.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(english.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://usines.example/en/salle-de-presse");
        assertThat(meta(english, "og:locale")).isEqualTo("en_GB");
    }
}
