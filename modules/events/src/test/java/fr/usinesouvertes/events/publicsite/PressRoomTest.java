package fr.usinesouvertes.events.publicsite;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.w3c.dom.NodeList;

/** The press room of the site: releases by year, detail pages, press kit, press contact, RSS and Atom feeds. */
class PressRoomTest {

    static final String NEWEST = "2026-02-11-dossier-de-presse-plus-de-400-usines-ouvrent-leurs-portes";
    static final String OLDEST = "2025-07-09-les-journees-usines-ouvertes-reviennent-les-20-et-21-mars-2026";

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").setting("public-url", "https://usines.example/")
            .modules(new EventsModule());

    @BeforeAll
    static void pressKit() {
        PLATFORM.platform().repository().write(session -> {
            Node folder = session.getNode("/dam").addNode("presse", "mgnl:folder");
            Node kit = folder.addNode("dossier-de-presse-2026", "mgnl:asset");
            kit.setProperty("title", "Dossier de presse 2026");
            Node file = kit.addNode("jcr:content", "mgnl:resource");
            file.setProperty("fileName", "dossier-de-presse-2026.pdf");
            file.setProperty("jcr:mimeType", "application/pdf");
            file.setProperty("jcr:data", session.getValueFactory().createBinary(
                    new ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));
            Node picture = folder.addNode("photo", "mgnl:asset");
            Node pictureFile = picture.addNode("jcr:content", "mgnl:resource");
            pictureFile.setProperty("fileName", "photo.png");
            pictureFile.setProperty("jcr:mimeType", "image/png");
            pictureFile.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(new byte[] {1})));
            return null;
        });
        PLATFORM.platform().publishing().publish("test", "dam", "/presse", true); // the public site shows published assets
    }

    @Test
    void listsReleasesNewestFirstUnderYearHeadingsWithStableLinks() {
        HttpResponse<String> response = PLATFORM.get("/salle-de-presse");
        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(response.body());

        assertThat(page.select(".press-list h3.press-year").eachText()).containsExactly("2026", "2025");
        List<String> links = page.select(".press-list .card-title a").eachAttr("href");
        assertThat(links).containsExactly("/salle-de-presse/" + NEWEST, "/salle-de-presse/" + OLDEST);
        assertThat(PLATFORM.get(links.get(0)).statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(PLATFORM.get("/en/salle-de-presse").body()).select(".press-list .card-title a").eachAttr("href"))
                .containsExactly("/en/salle-de-presse/" + NEWEST, "/en/salle-de-presse/" + OLDEST);
    }

    @Test
    void offersThePressKitPdfsTheGenericPressContactAndTheFeeds() {
        Document page = Jsoup.parse(PLATFORM.get("/salle-de-presse").body());

        Element kit = page.selectFirst(".press-kit");
        assertThat(kit).isNotNull();
        assertThat(kit.select("a").eachText()).containsExactly("Dossier de presse 2026 (PDF)");
        String pdf = kit.selectFirst("a").attr("href");
        assertThat(pdf).matches("/dam/jcr:[0-9a-f-]+/dossier-de-presse-2026\\.pdf");
        HttpResponse<String> download = PLATFORM.get(pdf);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");

        assertThat(page.selectFirst(".press-contact a[href^=mailto:]").attr("href")).isEqualTo("mailto:am-alumni@adrenaline.fr");
        assertThat(page.select("h2:contains(Contact presse)")).hasSize(1); // one press-contact block, not two
        assertThat(page.select(".press-feeds a").eachAttr("href"))
                .containsExactly("/feeds/salle-de-presse.rss", "/feeds/salle-de-presse.atom");
        assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").attr("href"))
                .isEqualTo("https://usines.example/feeds/salle-de-presse.rss");
        assertThat(Jsoup.parse(PLATFORM.get("/en/salle-de-presse").body()).select(".press-feeds a").eachAttr("href"))
                .containsExactly("/en/feeds/salle-de-presse.rss", "/en/feeds/salle-de-presse.atom");
    }

    @Test
    void releasePageIsAnArticleForSharing() {
        Document page = Jsoup.parse(PLATFORM.get("/salle-de-presse/" + NEWEST).body());

        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("fr");
        assertThat(page.selectFirst("h1").text()).startsWith("Les Journées Usines Ouvertes reviennent");
        assertThat(meta(page, "og:type")).isEqualTo("article");
        assertThat(meta(page, "og:url")).isEqualTo("https://usines.example/salle-de-presse/" + NEWEST);
        assertThat(page.selectFirst("link[rel=canonical]").attr("href")).isEqualTo("https://usines.example/salle-de-presse/" + NEWEST);
        assertThat(meta(page, "og:image")).isEqualTo("https://usines.example/.resources/usines-ouvertes/webresources/img/og-image.png");
        assertThat(OffsetDateTime.parse(meta(page, "article:published_time")).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-02-11T09:00:00+01:00").toInstant());
        assertThat(PLATFORM.get("/.resources/usines-ouvertes/webresources/img/og-image.png").headers()
                .firstValue("Content-Type")).hasValue("image/png");
    }

    @Test
    void rssFeedIsValidRss2WithAbsoluteLinksNewestFirst() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/feeds/salle-de-presse.rss");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/rss+xml");
        org.w3c.dom.Document rss = xml(response.body());

        assertThat(rss.getDocumentElement().getTagName()).isEqualTo("rss");
        assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
        org.w3c.dom.Element channel = (org.w3c.dom.Element) rss.getElementsByTagName("channel").item(0);
        assertThat(text(channel, "title")).startsWith("Salle de presse – Journées Usines Ouvertes");
        assertThat(text(channel, "link")).isEqualTo("https://usines.example/salle-de-presse");
        assertThat(text(channel, "description")).isNotBlank();
        assertThat(text(channel, "language")).isEqualTo("fr");
        NodeList items = rss.getElementsByTagName("item");
        assertThat(items.getLength()).isEqualTo(2);
        org.w3c.dom.Element first = (org.w3c.dom.Element) items.item(0);
        assertThat(text(first, "link")).isEqualTo("https://usines.example/salle-de-presse/" + NEWEST);
        assertThat(text(first, "guid")).isEqualTo(text(first, "link"));
        assertThat(text(first, "title")).isEqualTo("Les Journées Usines Ouvertes reviennent pour une 2ème édition les 20 et 21 mars");
        assertThat(ZonedDateTime.parse(text(first, "pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-02-11T09:00:00+01:00").toInstant());
        assertThat(text(first, "description")).contains("plus de 400 usines");

        org.w3c.dom.Document english = xml(PLATFORM.get("/en/feeds/salle-de-presse.rss").body());
        org.w3c.dom.Element englishItem = (org.w3c.dom.Element) english.getElementsByTagName("item").item(0);
        assertThat(text(englishItem, "title")).isEqualTo("The Open Factory Days return for a 2nd edition on 20 and 21 March");
        assertThat(text(englishItem, "link")).isEqualTo("https://usines.example/en/salle-de-presse/" + NEWEST);
    }

    @Test
    void atomFeedHasTheRequiredElements() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/feeds/salle-de-presse.atom");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/atom+xml");
        org.w3c.dom.Document atom = xml(response.body());

        org.w3c.dom.Element feed = atom.getDocumentElement();
        assertThat(feed.getLocalName()).isEqualTo("feed");
        assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        assertThat(feed.getAttribute("xml:lang")).isEqualTo("fr");
        assertThat(text(feed, "id")).isEqualTo("https://usines.example/feeds/salle-de-presse.atom");
        assertThat(OffsetDateTime.parse(text(feed, "updated"))).isNotNull();
        assertThat(text(feed, "title")).isNotBlank();
        assertThat(feed.getElementsByTagName("author").getLength()).isEqualTo(1);
        NodeList entries = feed.getElementsByTagName("entry");
        assertThat(entries.getLength()).isEqualTo(2);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            org.w3c.dom.Element entry = (org.w3c.dom.Element) entries.item(i);
            ids.add(text(entry, "id"));
            assertThat(text(entry, "title")).isNotBlank();
            assertThat(OffsetDateTime.parse(text(entry, "updated"))).isNotNull();
            assertThat(((org.w3c.dom.Element) entry.getElementsByTagName("link").item(0)).getAttribute("href"))
                    .startsWith("https://usines.example/salle-de-presse/");
        }
        assertThat(ids).containsExactly("urn:uuid:cdffdb7c-6b25-433e-ac4d-2e9411861382",
                "urn:uuid:5169ec22-2cf3-4128-b1a7-82c994a3a132");
    }

    @Test
    void draftReleasesStayOutOfTheListFeedsAndSitemapUntilPublished() {
        PLATFORM.platform().repository().write(session -> {
            Node draft = session.getNode("/press-releases").addNode("2026-03-05-brouillon", "mgnl:content");
            draft.setProperty("title", "Communiqué en préparation");
            draft.setProperty("date", java.util.GregorianCalendar.from(ZonedDateTime.parse("2026-03-05T09:00:00+01:00")));
            return null;
        });
        assertThat(PLATFORM.get("/salle-de-presse").body()).doesNotContain("Communiqué en préparation");
        assertThat(PLATFORM.get("/feeds/salle-de-presse.rss").body()).doesNotContain("2026-03-05-brouillon");
        assertThat(PLATFORM.get("/feeds/salle-de-presse.atom").body()).doesNotContain("2026-03-05-brouillon");
        assertThat(PLATFORM.get("/sitemap.xml").body()).doesNotContain("2026-03-05-brouillon");
        assertThat(PLATFORM.get("/salle-de-presse/2026-03-05-brouillon").statusCode()).isEqualTo(404);
    }

    @Test
    void feedsOfPagesWithoutItemsOrUnknownPagesAre404() {
        assertThat(PLATFORM.get("/feeds/partenaires.rss").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/feeds/nulle-part.atom").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/feeds/salle-de-presse.json").statusCode()).isEqualTo(404);
    }

    static String meta(Document page, String property) {
        Element meta = page.selectFirst("meta[property=" + property + "]");
        assertThat(meta).as("meta " + property).isNotNull();
        return meta.attr("content");
    }

    static org.w3c.dom.Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    static String text(org.w3c.dom.Element parent, String tag) {
        for (org.w3c.dom.Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof org.w3c.dom.Element element && tag.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        throw new AssertionError("No <" + tag + "> in <" + parent.getTagName() + ">");
    }
}
