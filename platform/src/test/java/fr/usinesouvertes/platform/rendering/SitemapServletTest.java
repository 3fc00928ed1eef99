package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.SitemapEntry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
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
    void robotsNameTheSitemapOfThePublicAddress() {
        assertThat(RobotsServlet.text("https://usines.example").lines())
                .contains("Disallow: /admin/", "Disallow: /.rest/", "Sitemap: https://usines.example/sitemap.xml");
    }
}
