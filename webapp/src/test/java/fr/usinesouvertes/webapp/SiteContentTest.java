package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The site's light module and its seed content, served end to end by a real platform: the pages a
 * visitor reads and the JSON a front end gets, both built from the organisers' documents.
 */
class SiteContentTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("..", "light-modules"));

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return JsonMapper.mapper().readTree(response.body());
    }

    private static String page(String path) {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Test
    void homePageGivesThe2026DatesAndFiguresInFrench() {
        String home = page("/");
        assertThat(home).contains("<html lang=\"fr\"").contains("20 et 21 mars 2026")
                .contains("+400").contains("+76 %").contains("227").contains("20 000");
    }

    @Test
    void everyPageHasAnEnglishVersion() {
        for (String path : List.of("", "/salle-de-presse", "/usines-vitrines", "/usines-vitrines/colas", "/partenaires",
                "/regions/ile-de-france", "/edition-2025", "/scolaires")) {
            assertThat(page("/en" + path)).as(path).contains("<html lang=\"en\"");
        }
        assertThat(page("/en")).contains("March 2026");
    }

    @Test
    void unknownPageIsAFrench404() {
        HttpResponse<String> response = PLATFORM.get("/cette-page-n-existe-pas");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page introuvable");
    }

    @Test
    void everyShowcaseCompanyComesWithAllItsSites() throws Exception {
        JsonNode colas = json("/.rest/delivery/showcases/v1/colas");
        assertThat(colas.get("sites").get("@nodes")).hasSize(13);
        JsonNode mecachrome = json("/.rest/delivery/showcases/v1/mecachrome");
        List<String> regions = new ArrayList<>();
        mecachrome.get("sites").get("@nodes").forEach(name ->
                regions.add(mecachrome.get("sites").get(name.asText()).get("region").asText()));
        assertThat(regions).containsExactlyInAnyOrder("Centre-Val de Loire", "Occitanie", "Pays de la Loire");

        JsonNode all = json("/.rest/delivery/showcases/v1?limit=50");
        assertThat(all.get("total").asInt()).isEqualTo(14);
        for (JsonNode company : all.get("results")) {
            for (JsonNode siteName : company.get("sites").get("@nodes")) {
                JsonNode site = company.get("sites").get(siteName.asText());
                assertThat(site.get("region").asText()).as(company.get("company").asText()).isNotBlank();
            }
        }
        assertThat(page("/usines-vitrines/colas")).contains("Site de Pontarlier").contains("Bourgogne-Franche-Comté");
    }

    @Test
    void pressRoomHasBothReleasesByDate() throws Exception {
        JsonNode releases = json("/.rest/delivery/press-releases/v1?orderBy=date%20desc");
        assertThat(releases.get("total").asInt()).isEqualTo(2);
        assertThat(releases.get("results").get(0).get("date").asText()).startsWith("2026-02-11");
        assertThat(releases.get("results").get(1).get("date").asText()).startsWith("2025-07-09");
        assertThat(releases.get("results").get(0).get("place").asText()).isEqualTo("Paris");
        String pressRoom = page("/salle-de-presse");
        String detail = page("/salle-de-presse/" + releases.get("results").get(0).get("@name").asText());
        assertThat(pressRoom).contains("11 février 2026");
        assertThat(detail).contains("400");
    }

    @Test
    void partnersNameTheOrganiserAndTheSupporters() throws Exception {
        JsonNode organisers = json("/.rest/delivery/partners/v1?role=organiser");
        assertThat(organisers.get("total").asInt()).isEqualTo(1);
        assertThat(organisers.get("results").get(0).toString()).contains("Arts et Métiers");
        assertThat(json("/.rest/delivery/partners/v1?role=institutional").get("total").asInt()).isPositive();
        assertThat(json("/.rest/delivery/partners/v1?role=contributing").get("total").asInt()).isPositive();
        assertThat(page("/partenaires")).contains("Arts et Métiers");
    }

    @Test
    void regionalPageAndFirstEditionPageCarryTheirFacts() {
        assertThat(page("/regions/ile-de-france")).contains("Parcours Industrie").contains("France Travail")
                .contains("5 mars 2026");
        assertThat(page("/edition-2025")).contains("4 et 5 avril 2025").contains("20 000");
    }

    @Test
    void pagesAreDeliveredAsJsonWithTheirComponents() throws Exception {
        JsonNode home = json("/.rest/delivery/pages/v1/journees-usines-ouvertes");
        assertThat(home.get("mgnl:template").asText()).isEqualTo("usines-ouvertes:pages/home");
        assertThat(home.get("main").get("@nodes").size()).isGreaterThan(3);
        JsonNode annotations = json("/.rest/template-annotations/v1/journees-usines-ouvertes");
        assertThat(annotations.get("/journees-usines-ouvertes").asText()).startsWith("cms:page");
    }

    @Test
    void noPersonalContactIsPublished() throws Exception {
        StringBuilder everything = new StringBuilder();
        for (String endpoint : List.of("pages", "press-releases", "partners", "showcases")) {
            everything.append(PLATFORM.get("/.rest/delivery/" + endpoint + "/v1?limit=100").body());
        }
        everything.append(page("/")).append(page("/salle-de-presse"));
        // French mobile numbers of the press officers named in the seeds must never appear; not inside a
        // hexadecimal run, where random node identifiers (e.g. "...-e70653620845") would match by chance
        assertThat(everything.toString()).doesNotContainPattern("(?<![0-9a-f])0[67]([ .]?\\d\\d){4}(?![0-9a-f])");
    }
}
