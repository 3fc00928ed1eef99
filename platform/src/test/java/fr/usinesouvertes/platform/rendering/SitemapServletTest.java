package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.SitemapEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SitemapServletTest {

    @Test
    void writesBothLanguagesOfEachPathOnceWithLastmodAndAlternates() throws Exception {
        long changed = Instant.parse("2026-02-11T08:00:00.500Z").toEpochMilli();
        byte[] xml = SitemapServlet.write("https://usines.example", List.of(new SitemapEntry("/", 0),
                new SitemapEntry("/presse/a&b", changed), new SitemapEntry("/presse/a&b", changed)));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document sitemap = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        NodeList urls = sitemap.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "url");
        assertThat(urls.getLength()).isEqualTo(4);
        Element home = (Element) urls.item(0);
        assertThat(home.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "loc").item(0).getTextContent())
                .isEqualTo("https://usines.example/");
        assertThat(home.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "lastmod").getLength()).isZero();
        Element englishHome = (Element) urls.item(1);
        assertThat(englishHome.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "loc").item(0).getTextContent())
                .isEqualTo("https://usines.example/en/");
        Element release = (Element) urls.item(2);
        assertThat(release.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "loc").item(0).getTextContent())
                .isEqualTo("https://usines.example/presse/a&b");
        assertThat(release.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "lastmod").item(0).getTextContent())
                .isEqualTo("2026-02-11T08:00:00Z");
        NodeList alternates = release.getElementsByTagNameNS(SitemapServlet.XHTML_NS, "link");
        assertThat(alternates.getLength()).isEqualTo(3);
        assertThat(((Element) alternates.item(1)).getAttribute("hreflang")).isEqualTo("en");
        assertThat(((Element) alternates.item(1)).getAttribute("href")).isEqualTo("https://usines.example/en/presse/a&b");
    }

    @Test
    void aSiteWithOtherLanguagesListsEachOfThemAndOneNotLocalizedListsEachPathOnce() throws Exception {
        SiteDefinition.SiteLanguages travel = new SiteDefinition.SiteLanguages(true, List.of("en", "de_CH"), "en", "en");
        Document sitemap = parse(SitemapServlet.write("https://travel.example", travel, List.of(new SitemapEntry("/about", 0))));
        NodeList urls = sitemap.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "loc");
        assertThat(urls.getLength()).isEqualTo(2);
        assertThat(urls.item(1).getTextContent()).isEqualTo("https://travel.example/de_CH/about");
        NodeList alternates = sitemap.getElementsByTagNameNS(SitemapServlet.XHTML_NS, "link");
        assertThat(((Element) alternates.item(1)).getAttribute("hreflang")).isEqualTo("de-CH");
        assertThat(((Element) alternates.item(2)).getAttribute("hreflang")).isEqualTo("x-default");
        assertThat(((Element) alternates.item(2)).getAttribute("href")).isEqualTo("https://travel.example/about");

        SiteDefinition.SiteLanguages single = new SiteDefinition.SiteLanguages(false, List.of("en", "de"), "en", "en");
        Document plain = parse(SitemapServlet.write("https://travel.example", single, List.of(new SitemapEntry("/about", 0))));
        assertThat(plain.getElementsByTagNameNS(SitemapServlet.SITEMAP_NS, "loc").getLength()).isEqualTo(1);
        assertThat(plain.getElementsByTagNameNS(SitemapServlet.XHTML_NS, "link").getLength()).isZero();
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void robotsNameTheSitemapOfThePublicAddress() {
        assertThat(RobotsServlet.text("https://usines.example").lines())
                .contains("Disallow: /admin/", "Disallow: /.rest/", "Sitemap: https://usines.example/sitemap.xml");
    }
}
