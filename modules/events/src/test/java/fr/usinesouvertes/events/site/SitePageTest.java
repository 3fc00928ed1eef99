package fr.usinesouvertes.events.site;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SitePageTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory().setting("clock", "2026-03-01T10:00:00+01:00").setting("public-url", "https://usines.example/")
            .modules(new EventsModule());

    private static String morning;
    private static String afternoon;

    @BeforeAll
    static void content() {
        EventFixtures fixtures = new EventFixtures(PLATFORM.platform().repository());
        String acme = fixtures.company("acme", "Acme Industrie");
        String santes = fixtures.site("acme-santes", acme, "Site de Santes </script><b>", "Santes", "59",
                "Hauts-de-France");
        fixtures.sheet(2026, "acme-santes", santes, "published");
        morning = fixtures.slot(2026, "acme-santes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 20,
                List.of("school", "public"));
        afternoon = fixtures.slot(2026, "acme-santes", paris(2026, 3, 21, 14, 0), paris(2026, 3, 21, 16, 0), 2,
                List.of("public", "franceTravail"));
        String hidden = fixtures.site("acme-rennes", acme, "Site de Rennes", "Rennes", "35", "Bretagne");
        fixtures.sheet(2026, "acme-rennes", hidden, "draft");
    }

    @Test
    void frenchPageShowsSiteSlotsPlacesLeftAndRegistrationLinks() {
        HttpResponse<String> page = PLATFORM.get("/usines/acme-santes");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<html lang=\"fr\"", "Acme Industrie", "Santes", "(59)", "Hauts-de-France",
                "Informations pratiques", "Accueil du site, entrée B", "Chaussures fermées", "12 ans",
                "Vendredi 20 mars 2026", "Samedi 21 mars 2026", "09h00 – 11h00", "20 places restantes sur 20",
                "href=\"/inscription/" + morning + "/scolaire\"", "href=\"/inscription/" + morning + "/grand-public\"",
                "href=\"/.rest/events/v1/slots/" + morning + ".ics\"");
        // the edition's Saturday welcomes no France Travail group: the page says so instead of a form link
        assertThat(html).contains("Inscrire un groupe France Travail – Le samedi 21 mars 2026 n&#39;est pas ouvert aux "
                + "visites des groupes France Travail.").doesNotContain("/inscription/" + afternoon + "/france-travail");
        assertThat(html).doesNotContain("/inscription/" + morning + "/france-travail");
        assertThat(html).contains("Site de Santes &lt;/script&gt;&lt;b&gt;").doesNotContain("<b>");
        assertThat(html).contains("<h2 id=\"company-title\">Acme Industrie</h2>", "<p>Acme Industrie</p>",
                "href=\"https://www.acme.example\" rel=\"noopener\">Site web de l&#39;entreprise</a>");
        assertThat(html).contains("<strong>d'enrobage</strong>").doesNotContain("alert(1)");
        assertThat(html).doesNotContain("bookedPersons", "bookingToken");
    }

    @Test
    void englishPageSpeaksEnglishAndLinksToEnglishForms() {
        HttpResponse<String> page = PLATFORM.get("/en/usines/acme-santes");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\"", "Practical information", "Friday 20 March 2026",
                "9:00 AM", "href=\"/en/inscription/" + morning + "/scolaire\"",
                "Saturday 21 March 2026 is not open to visits by France Travail groups.", "?lang=en");
    }

    @Test
    void jsonLdIsParsableAndFollowsBookings() throws Exception {
        JsonNode events = jsonLd(PLATFORM.get("/usines/acme-santes").body());
        assertThat(events).hasSize(2);
        JsonNode first = events.get(0);
        assertThat(first.get("@type").asText()).isEqualTo("Event");
        assertThat(first.get("startDate").asText()).isEqualTo("2026-03-20T09:00:00+01:00");
        assertThat(first.get("name").asText()).contains("Acme Industrie", "Site de Santes </script><b>");
        assertThat(first.at("/location/address/addressLocality").asText()).isEqualTo("Santes");
        assertThat(first.at("/location/geo/latitude").asDouble()).isEqualTo(50.58);
        assertThat(first.get("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(first.get("url").asText()).isEqualTo("https://usines.example/usines/acme-santes");
        assertThat(first.at("/organizer/name").asText()).isEqualTo("Acme Industrie");
        assertThat(first.get("inLanguage")).extracting(JsonNode::asText).containsExactly("fr", "en");
        assertThat(first.get("eventAttendanceMode").asText()).endsWith("OfflineEventAttendanceMode");
        assertThat(first.get("maximumAttendeeCapacity").asLong()).isEqualTo(20);
        assertThat(first.get("remainingAttendeeCapacity").asLong()).isEqualTo(20);
        assertThat(first.at("/offers/availability").asText()).isEqualTo("https://schema.org/InStock");

        new SlotBooking(PLATFORM.platform().repository(), Clock.systemUTC())
                .book(new BookingRequest(morning, 3, "jsonld-visitor", node -> node.setProperty("email", "a@b.fr")));
        JsonNode after = jsonLd(PLATFORM.get("/usines/acme-santes").body()).get(0);
        assertThat(after.get("remainingAttendeeCapacity").asLong()).isEqualTo(17);
        assertThat(after.at("/offers/inventoryLevel/value").asLong()).isEqualTo(17);
    }

    @Test
    void fullSlotShowsCompletAndSoldOut() throws Exception {
        SlotBooking booking = new SlotBooking(PLATFORM.platform().repository(), Clock.systemUTC());
        booking.book(new BookingRequest(afternoon, 2, "full-visitor", node -> node.setProperty("email", "c@d.fr")));
        String html = PLATFORM.get("/usines/acme-santes").body();
        assertThat(html).contains("slot-full", "<strong>Complet</strong>", "liste d&#39;attente")
                .doesNotContain("c@d.fr");
        JsonNode events = jsonLd(html);
        assertThat(events.get(1).at("/offers/availability").asText()).isEqualTo("https://schema.org/SoldOut");
        assertThat(events.get(1).get("remainingAttendeeCapacity").asLong()).isZero();
    }

    @Test
    void siteImagesFromTheMediaLibraryShowTheirAltTextCaptionAndCredit() {
        String[] ids = PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node folder = session.getNode("/dam").addNode("sites", "mgnl:folder");
            javax.jcr.Node described = image(folder, "atelier");
            described.setProperty("alternative", "Une presse à enrobés");
            described.setProperty("alternative_en", "An asphalt press");
            described.setProperty("caption", "L'atelier d'enrobage");
            described.setProperty("copyright", "© Acme – photo J. Martin");
            javax.jcr.Node plain = image(folder, "facade");
            plain.setProperty("alternative", "La façade du site");
            session.getNode("/sites/acme-santes").setProperty("images",
                    new String[] {"jcr:" + described.getIdentifier(), "jcr:" + plain.getIdentifier()});
            return new String[] {described.getIdentifier(), plain.getIdentifier()};
        });
        PLATFORM.platform().publishing().publish("test", "dam", "/sites", true);

        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(PLATFORM.get("/usines/acme-santes").body());
        org.jsoup.nodes.Element figure = page.selectFirst(".site-images figure");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Une presse à enrobés");
        assertThat(figure.selectFirst("img").attr("src")).startsWith("/dam/jcr:" + ids[0] + "/");
        assertThat(figure.selectFirst("figcaption").text()).isEqualTo("L'atelier d'enrobage © Acme – photo J. Martin");
        assertThat(page.select(".site-images > li > img").eachAttr("alt")).containsExactly("La façade du site");
        assertThat(org.jsoup.Jsoup.parse(PLATFORM.get("/en/usines/acme-santes").body()).selectFirst(".site-images figure img")
                .attr("alt")).isEqualTo("An asphalt press");
    }

    private static javax.jcr.Node image(javax.jcr.Node folder, String name) throws javax.jcr.RepositoryException {
        javax.jcr.Node asset = folder.addNode(name, "mgnl:asset");
        javax.jcr.Node file = asset.addNode("jcr:content", "mgnl:resource");
        file.setProperty("fileName", name + ".png");
        file.setProperty("jcr:mimeType", "image/png");
        file.setProperty("jcr:data", folder.getSession().getValueFactory().createBinary(
                new java.io.ByteArrayInputStream(new byte[] {1, 2, 3})));
        return asset;
    }

    @Test
    void unpublishedOrUnknownSiteAnswersNotFound() {
        assertThat(PLATFORM.get("/usines/acme-rennes").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/en/usines/acme-rennes").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/usines/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void directoryListsOnlySitesWithAPublishedSheet() {
        String html = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)) // index fed asynchronously
                .until(() -> PLATFORM.get("/usines?q=acme").body(), page -> page.contains("acme-santes"));
        assertThat(html).contains("Hauts-de-France", "href=\"/usines/acme-santes\"", "Journées Usines Ouvertes")
                .doesNotContain("acme-rennes");
        assertThat(PLATFORM.get("/en/usines?q=acme").body()).contains("href=\"/en/usines/acme-santes\"");
    }

    private static JsonNode jsonLd(String html) throws Exception {
        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertThat(script.find()).isTrue();
        assertThat(script.group(1)).doesNotContain("<");
        return new ObjectMapper().readTree(script.group(1));
    }
}
