package fr.usinesouvertes.events.delivery;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class EventsDeliveryResourceTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    private static String santesSlot;

    @BeforeAll
    static void content() {
        EventFixtures fixtures = new EventFixtures(PLATFORM.platform().repository());
        String colas = fixtures.company("colas", "Colas");
        String upsa = fixtures.company("upsa", "UPSA");
        String santes = fixtures.site("colas-santes", colas, "Site de Santes", "Santes", "59", "Hauts-de-France");
        String agen = fixtures.site("upsa-agen", upsa, "Site d'Agen", "Agen", "47", "Nouvelle-Aquitaine");
        String evry = fixtures.site("upsa-evry", upsa, "Site d'Évry", "Évry", "91", "Île-de-France");
        String draft = fixtures.site("colas-rennes", colas, "Site de Rennes", "Rennes", "35", "Bretagne");
        fixtures.sheet(2026, "colas-santes", santes, "published");
        fixtures.sheet(2026, "upsa-agen", agen, "full");
        fixtures.sheet(2026, "upsa-evry", evry, "published");
        fixtures.sheet(2025, "upsa-evry", evry, "published");
        fixtures.sheet(2026, "colas-rennes", draft, "draft");
        santesSlot = fixtures.slot(2026, "colas-santes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 10,
                List.of("school", "public"));
        fixtures.slot(2026, "upsa-agen", paris(2026, 3, 20, 14, 0), paris(2026, 3, 20, 16, 0), 5, List.of("school"));
        fixtures.slot(2026, "upsa-evry", paris(2026, 3, 21, 10, 0), paris(2026, 3, 21, 12, 0), 8,
                List.of("franceTravail"));
        fixtures.slot(2026, "colas-rennes", paris(2026, 3, 21, 10, 0), paris(2026, 3, 21, 12, 0), 8,
                List.of("public"));
        new SlotBooking(PLATFORM.platform().repository(), Clock.systemUTC()).book(new BookingRequest(santesSlot, 4,
                "private-key", node -> {
                    node.setProperty("email", "jeanne.martin@example.org");
                    node.setProperty("name", "Jeanne Martin");
                }));
    }

    @Test
    void listsPublishedSheetsWithSiteSummaryAndPlacesLeft() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/.rest/delivery/events/v1?edition=2026");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("total").asInt()).isEqualTo(3);
        assertThat(json.get("results").findValuesAsText("slug"))
                .containsExactly("colas-santes", "upsa-agen", "upsa-evry");
        JsonNode santes = json.get("results").get(0);
        assertThat(santes.at("/site/company").asText()).isEqualTo("Colas");
        assertThat(santes.at("/site/region").asText()).isEqualTo("Hauts-de-France");
        assertThat(santes.at("/site/latitude").asDouble()).isEqualTo(50.58);
        JsonNode slot = santes.at("/slots/0");
        assertThat(slot.get("id").asText()).isEqualTo(santesSlot);
        assertThat(slot.get("start").asText()).isEqualTo("2026-03-20T09:00:00+01:00");
        assertThat(slot.get("capacity").asLong()).isEqualTo(10);
        assertThat(slot.get("placesLeft").asLong()).isEqualTo(6);
        assertThat(slot.get("audiences")).extracting(JsonNode::asText).containsExactly("school", "public");
    }

    @Test
    void neverShowsRegistrationsNorLedgerInternals() {
        String body = PLATFORM.get("/.rest/delivery/events/v1").body()
                + PLATFORM.get("/.rest/delivery/events/v1/2026/colas-santes").body();
        assertThat(body).doesNotContain("jeanne", "Jeanne", "bookedPersons", "bookingToken", "waitingRegistrations",
                "waitSequence", "registrations", "contactEmail", "colas-rennes");
    }

    @Test
    void filtersByRegionAudienceSiteAndEdition() throws Exception {
        assertThat(slugs("?region=ile-de-france")).containsExactly("upsa-evry", "upsa-evry");
        assertThat(slugs("?edition=2026&audience=school")).containsExactly("colas-santes", "upsa-agen");
        assertThat(slugs("?site=upsa-agen")).containsExactly("upsa-agen");
        assertThat(slugs("?edition=2025")).containsExactly("upsa-evry");
    }

    @Test
    void pagesWithLimitAndOffset() throws Exception {
        JsonNode json = new ObjectMapper().readTree(
                PLATFORM.get("/.rest/delivery/events/v1?edition=2026&limit=2&offset=1").body());
        assertThat(json.get("total").asInt()).isEqualTo(3);
        assertThat(json.get("results").findValuesAsText("slug")).containsExactly("upsa-agen", "upsa-evry");
        assertThat(PLATFORM.get("/.rest/delivery/events/v1?offset=99").body()).contains("\"results\":[]");
    }

    @Test
    void badParametersAreFieldErrors() {
        HttpResponse<String> response = PLATFORM.get("/.rest/delivery/events/v1?limit=abc");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("limit");
        assertThat(PLATFORM.get("/.rest/delivery/events/v1?audience=company").statusCode()).isEqualTo(400);
        assertThat(PLATFORM.get("/.rest/delivery/events/v1?limit=1000").statusCode()).isEqualTo(400);
    }

    @Test
    void oneSheetByYearAndSiteWithEtag() {
        HttpResponse<String> one = PLATFORM.get("/.rest/delivery/events/v1/2026/upsa-evry");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.body()).contains("\"slug\":\"upsa-evry\"", "\"edition\":2026");
        String etag = one.headers().firstValue("ETag").orElseThrow();
        assertThat(PLATFORM.get("/.rest/delivery/events/v1/2026/upsa-evry", "If-None-Match", etag).statusCode())
                .isEqualTo(304);
        assertThat(PLATFORM.get("/.rest/delivery/events/v1/2026/colas-rennes").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/events/v1/2026/nowhere").statusCode()).isEqualTo(404);
    }

    private static List<String> slugs(String query) throws Exception {
        HttpResponse<String> response = PLATFORM.get("/.rest/delivery/events/v1" + query);
        assertThat(response.statusCode()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).get("results").findValuesAsText("slug");
    }
}
