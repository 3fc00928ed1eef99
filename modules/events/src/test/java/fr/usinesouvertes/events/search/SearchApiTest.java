package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchApiTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("clock", "2026-06-01T10:00:00+02:00")
            .setting("communes", Path.of("src/test/resources/search/communes.csv").toAbsolutePath().toString())
            .modules(new EventsModule());

    private static SearchFixtures fixtures;

    @BeforeAll
    static void content() throws Exception {
        fixtures = new SearchFixtures(PLATFORM.platform().repository());
        String colas = fixtures.company("colas", "Colas", "BTP");
        String upsa = fixtures.company("upsa", "UPSA", "Pharmacie");
        String thales = fixtures.company("thales", "Thales", "Électronique");
        String santes = fixtures.site("colas-santes", colas, "Site de Santes", "Santes", "59", "Hauts-de-France",
                "BTP", 50.5936, 2.9606, "<p>Une usine d'enrobés routiers.</p>");
        String lille = fixtures.site("upsa-lille", upsa, "Usine de Lille", "Lille", "59", "Hauts-de-France",
                "Pharmacie", 50.6311, 3.0468, "<p>Médicaments et <b>comprimés</b>.</p>");
        String paris = fixtures.site("thales-paris", thales, "Centre de Paris", "Paris", "75", "Île-de-France",
                "Électronique", 48.8567, 2.3510, "<p>Radars et électronique de défense.</p>");
        String lyon = fixtures.site("thales-lyon", thales, "Atelier de Lyon", "Lyon", "69", "Auvergne-Rhône-Alpes",
                "Électronique", 45.7578, 4.8320, "<p>Secret : site en brouillon.</p>");
        String nowhere = fixtures.site("upsa-sans-coordonnees", upsa, "Usine sans coordonnées", "Agen", "47",
                "Nouvelle-Aquitaine", "Pharmacie", Double.NaN, 0, "<p>Conditionnement.</p>");
        fixtures.sheet(2026, "colas-santes", santes, "published",
                new SearchFixtures.Slot("2026-10-09T09:00:00+02:00", 20, 5, List.of("school", "public")),
                new SearchFixtures.Slot("2026-10-10T14:00:00+02:00", 10, 10, List.of("public")),
                new SearchFixtures.Slot("2026-10-11T14:00:00+02:00", 10, 0, List.of("public")),
                new SearchFixtures.Slot("2026-10-12T14:00:00+02:00", 10, 0, List.of("public")),
                new SearchFixtures.Slot("2025-10-10T14:00:00+02:00", 10, 0, List.of("public")));
        fixtures.sheet(2026, "upsa-lille", lille, "published",
                new SearchFixtures.Slot("2026-10-09T10:00:00+02:00", 15, 15, List.of("franceTravail")));
        fixtures.sheet(2026, "thales-paris", paris, "full",
                new SearchFixtures.Slot("2026-10-10T10:00:00+02:00", 30, 3, List.of("school")));
        fixtures.sheet(2026, "thales-lyon", lyon, "draft",
                new SearchFixtures.Slot("2026-10-10T10:00:00+02:00", 30, 0, List.of("public")));
        fixtures.sheet(2026, "upsa-sans-coordonnees", nowhere, "published",
                new SearchFixtures.Slot("2026-10-09T10:00:00+02:00", 8, 0, List.of("public")));
        fixtures.registration("/events/2026/colas-santes/slots/0", "jeanne.martin@example.org");
        awaitSearch("", answer -> answer.get("total").asInt() == 4);
    }

    @Test
    void onlyPublishedAndFullSheetsAreFoundSortedByName() {
        JsonNode answer = search("");
        assertThat(slugs(answer)).containsExactly("thales-paris", "colas-santes", "upsa-lille", "upsa-sans-coordonnees");
        assertThat(answer.get("total").asInt()).isEqualTo(4);
    }

    @Test
    void frenchAnalysisFindsPluralsAccentsAndElisions() {
        assertThat(slugs(search("q=usines"))).contains("upsa-lille", "upsa-sans-coordonnees");
        assertThat(slugs(search("q=electronique"))).containsExactly("thales-paris");
        assertThat(slugs(search("q=" + enc("Électroniques")))).containsExactly("thales-paris");
        assertThat(slugs(search("q=" + enc("l'enrobé")))).containsExactly("colas-santes");
        assertThat(slugs(search("q=colas"))).containsExactly("colas-santes");
        assertThat(slugs(search("q=santes"))).containsExactly("colas-santes");
        assertThat(slugs(search("q=pharmacie+lille"))).containsExactly("upsa-lille");
        assertThat(slugs(search("q=brouillon"))).as("draft sheet").isEmpty();
    }

    @Test
    void anyUserInputIsAcceptedWithoutServerError() {
        for (String q : List.of("\"", "(", ")", "*", "AND", "OR NOT", "a:b", "~2", "\\", "[1 TO 5]", "+-|&", "{}", "^")) {
            HttpResponse<String> response = PLATFORM.get("/.rest/search/v1?q=" + enc(q));
            assertThat(response.statusCode()).as("q=" + q).isEqualTo(200);
        }
    }

    @Test
    void resultsCarryTheirPublicFieldsAndNextSlots() {
        JsonNode santes = first(search("q=colas"));
        assertThat(santes.get("name").asText()).isEqualTo("Site de Santes");
        assertThat(santes.get("company").asText()).isEqualTo("Colas");
        assertThat(santes.get("commune").asText()).isEqualTo("Santes");
        assertThat(santes.get("department").asText()).isEqualTo("59");
        assertThat(santes.get("region").asText()).isEqualTo("Hauts-de-France");
        assertThat(santes.get("sector").asText()).isEqualTo("BTP");
        assertThat(santes.get("url").asText()).isEqualTo("/usines/colas-santes");
        assertThat(santes.get("placesLeft").asLong()).isEqualTo(15 + 0 + 10 + 10 + 10);
        JsonNode next = santes.get("nextSlots");
        assertThat(next).hasSize(3); // the 2025 slot is past, the fourth is beyond the three shown
        assertThat(next.get(0).get("start").asText()).isEqualTo("2026-10-09T09:00:00+02:00");
        assertThat(next.get(0).get("placesLeft").asLong()).isEqualTo(15);
        assertThat(next.get(0).get("audiences").toString()).isEqualTo("[\"public\",\"school\"]");
        assertThat(santes.has("distanceKm")).isFalse();
        assertThat(first(search("q=colas&lang=en")).get("url").asText()).isEqualTo("/en/usines/colas-santes");
    }

    @Test
    void fullSheetsHaveNoPlacesLeft() {
        JsonNode paris = first(search("q=radars"));
        assertThat(paris.get("placesLeft").asLong()).isZero();
        assertThat(slugs(search("placesLeft=none"))).containsExactlyInAnyOrder("thales-paris", "upsa-lille");
        assertThat(slugs(search("placesLeft=any"))).containsExactlyInAnyOrder("colas-santes", "upsa-sans-coordonnees");
    }

    @Test
    void facetsCountTheFilteredResultsAndDrillSideways() {
        JsonNode facets = search("").get("facets");
        assertThat(facets.get("region").get("Hauts-de-France").asInt()).isEqualTo(2);
        assertThat(facets.get("region").get("Île-de-France").asInt()).isEqualTo(1);
        assertThat(facets.get("department").get("59").asInt()).isEqualTo(2);
        assertThat(facets.get("sector").get("Pharmacie").asInt()).isEqualTo(2);
        assertThat(facets.get("day").get("2026-10-09").asInt()).isEqualTo(3);
        assertThat(facets.get("audience").get("public").asInt()).isEqualTo(2);
        assertThat(facets.get("audience").get("school").asInt()).isEqualTo(2);
        assertThat(facets.get("placesLeft").get("any").asInt()).isEqualTo(2);
        assertThat(facets.get("placesLeft").get("none").asInt()).isEqualTo(2);

        JsonNode filtered = search("region=Hauts-de-France");
        assertThat(filtered.get("total").asInt()).isEqualTo(2);
        assertThat(filtered.get("facets").get("sector").toString()).isEqualTo("{\"BTP\":1,\"Pharmacie\":1}");
        // drill sideways: the region counts ignore the region filter, so other regions stay selectable
        assertThat(filtered.get("facets").get("region").get("Île-de-France").asInt()).isEqualTo(1);
        assertThat(search("region=Hauts-de-France&region=" + enc("Île-de-France")).get("total").asInt()).isEqualTo(3);
    }

    @Test
    void filtersCombine() {
        assertThat(slugs(search("audience=school"))).containsExactlyInAnyOrder("colas-santes", "thales-paris");
        assertThat(slugs(search("audience=school&department=59"))).containsExactly("colas-santes");
        assertThat(slugs(search("day=2026-10-09&sector=Pharmacie"))).containsExactlyInAnyOrder("upsa-lille",
                "upsa-sans-coordonnees");
        assertThat(slugs(search("day=2026-10-10&audience=franceTravail"))).isEmpty();
    }

    @Test
    void distanceSortsFiltersAndMeasures() {
        JsonNode answer = search("lat=50.6311&lon=3.0468");
        assertThat(slugs(answer)).containsExactly("upsa-lille", "colas-santes", "thales-paris", "upsa-sans-coordonnees");
        assertThat(answer.get("results").get(0).get("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(answer.get("results").get(1).get("distanceKm").asDouble()).isBetween(6.5, 7.5);
        assertThat(answer.get("results").get(2).get("distanceKm").asDouble()).isBetween(200.0, 210.0);
        assertThat(answer.get("results").get(3).has("distanceKm")).isFalse();

        JsonNode within = search("lat=50.6311&lon=3.0468&km=10");
        assertThat(slugs(within)).containsExactly("upsa-lille", "colas-santes");
        assertThat(within.get("facets").get("region").toString()).isEqualTo("{\"Hauts-de-France\":2}");
        // 45 minutes by road ≈ 34.6 km in a straight line
        assertThat(slugs(search("lat=50.6311&lon=3.0468&minutes=45"))).containsExactly("upsa-lille", "colas-santes");
        assertThat(slugs(search("lat=49.5&lon=3.0&minutes=45"))).isEmpty();
    }

    @Test
    void nearResolvesCommuneNamesAndPostalCodes() {
        assertThat(slugs(search("near=Lille&km=10"))).containsExactly("upsa-lille", "colas-santes");
        assertThat(slugs(search("near=59211&km=2"))).containsExactly("colas-santes");
        assertThat(slugs(search("near=paris&km=5"))).containsExactly("thales-paris");
        assertThat(slugs(search("near=75001&km=5"))).containsExactly("thales-paris");
        assertThat(first(search("near=SANTES")).get("distanceKm").asDouble()).isEqualTo(0.0);
        assertThat(search("near=" + enc("St-Etienne")).get("total").asInt()).isEqualTo(4);
    }

    @Test
    void ambiguousOrUnknownCommunesAnswer400WithCandidates() throws Exception {
        HttpResponse<String> ambiguous = PLATFORM.get("/.rest/search/v1?near=" + enc("Saint-Martin"));
        assertThat(ambiguous.statusCode()).isEqualTo(400);
        JsonNode body = JsonMapper.mapper().readTree(ambiguous.body());
        assertThat(body.get("code").asText()).isEqualTo("communeAmbiguous");
        assertThat(body.get("parameter").asText()).isEqualTo("near");
        assertThat(body.get("candidates").findValuesAsText("department")).containsExactly("64", "83");
        assertThat(PLATFORM.get("/.rest/search/v1?near=" + enc("Saint-Martin (83)")).statusCode()).isEqualTo(200);
        HttpResponse<String> unknown = PLATFORM.get("/.rest/search/v1?near=Atlantis");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("communeNotFound");
    }

    @Test
    void badParametersAnswer400NamingTheParameter() throws Exception {
        List<String[]> cases = List.of(
                new String[] {"km=abc&lat=1&lon=1", "km"}, new String[] {"km=-5&lat=1&lon=1", "km"},
                new String[] {"km=10", "km"}, new String[] {"lat=91&lon=0", "lat"}, new String[] {"lat=45", "lon"},
                new String[] {"lat=NaN&lon=0", "lat"}, new String[] {"limit=0", "limit"},
                new String[] {"limit=1000", "limit"}, new String[] {"offset=-1", "offset"},
                new String[] {"day=demain", "day"}, new String[] {"audience=company", "audience"},
                new String[] {"placesLeft=some", "placesLeft"}, new String[] {"lang=de", "lang"},
                new String[] {"colour=red", "colour"}, new String[] {"near=Lille&lat=1&lon=2", "near"},
                new String[] {"q=" + "x".repeat(201), "q"}, new String[] {"limit=1&limit=2", "limit"});
        for (String[] c : cases) {
            HttpResponse<String> response = PLATFORM.get("/.rest/search/v1?" + c[0]);
            assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
            assertThat(JsonMapper.mapper().readTree(response.body()).get("parameter").asText()).as(c[0]).isEqualTo(c[1]);
        }
    }

    @Test
    void pagination() {
        JsonNode page = search("limit=2&offset=1");
        assertThat(page.get("total").asInt()).isEqualTo(4);
        assertThat(slugs(page)).containsExactly("colas-santes", "upsa-lille");
        assertThat(slugs(search("limit=2&offset=10"))).isEmpty();
    }

    @Test
    void noPersonalDataIsSearchableOrShown() {
        assertThat(search("q=Dupont").get("total").asInt()).isZero();
        assertThat(search("q=jeanne").get("total").asInt()).isZero();
        String body = PLATFORM.get("/.rest/search/v1?limit=100").body();
        assertThat(body).doesNotContain("jeanne", "Dupont", "contactEmail", "bookedPersons", "@");
    }

    @Test
    void publishingAndUnpublishingUpdatesTheIndex() throws Exception {
        fixtures.setStatus(2026, "thales-lyon", "published");
        awaitSearch("q=lyon", answer -> answer.get("total").asInt() == 1);
        fixtures.setStatus(2026, "thales-lyon", "cancelled");
        awaitSearch("q=lyon", answer -> answer.get("total").asInt() == 0);
    }

    @Test
    void aCompanyChangeUpdatesItsSites() throws Exception {
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/companies/upsa").setProperty("name", "UPSA Laboratoires");
            return null;
        });
        awaitSearch("q=laboratoires", answer -> answer.get("total").asInt() == 2);
        assertThat(first(search("q=laboratoires")).get("company").asText()).isEqualTo("UPSA Laboratoires");
    }

    @Test
    void rebuildReportsProgressOverStatus() throws Exception {
        PLATFORM.platform().searchIndexes().all().get(0).rebuild();
        JsonNode status = JsonMapper.mapper().readTree(PLATFORM.get("/.rest/search/v1/status").body());
        assertThat(status.get("index").asText()).isEqualTo("sites");
        assertThat(status.get("done").asLong()).isEqualTo(status.get("total").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(status.get("documents").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(status.get("lastError").isNull()).isTrue();
        assertThat(java.time.Instant.parse(status.get("lastRebuild").asText())) // the clock runs on from --clock
                .isBetween(java.time.Instant.parse("2026-06-01T08:00:00Z"), java.time.Instant.parse("2026-06-01T08:10:00Z"));
    }

    static JsonNode search(String query) {
        return SearchRequests.search(PLATFORM, query);
    }

    private static void awaitSearch(String query, Predicate<JsonNode> condition) throws InterruptedException {
        SearchRequests.awaitSearch(PLATFORM, query, condition);
    }

    private static JsonNode first(JsonNode answer) {
        assertThat(answer.get("results")).isNotEmpty();
        return answer.get("results").get(0);
    }

    private static List<String> slugs(JsonNode answer) {
        List<String> slugs = new ArrayList<>();
        answer.get("results").forEach(result -> slugs.add(result.get("slug").asText()));
        return slugs;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
