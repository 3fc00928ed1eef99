package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.directory.DirectoryTestPages;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Over real HTTP: a company names its site's commune (INSEE code, department, region and position follow from it),
 * bad input is refused naming the field with nothing written, and once its sheet is published the site is found near
 * its commune; the commune suggestions' JSON endpoint.
 */
class CompanySiteCommuneTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    private static final Pattern CHOICE = Pattern.compile("name=\"communeChoice\" value=\"([^\"]+)\"");
    private static final String NEW_SITE = "/admin/entreprise/sites/nouveau";

    @Test
    void aSiteCreatedInLongueauIsFoundNearLongueauAndBadInputIsRefusedNamingTheField() throws Exception {
        CompanyAccessTestSupport.company(PLATFORM, "Biscuiterie Picarde", "contact@biscuiterie.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        assertThat(company.login("contact@biscuiterie.example.fr", CompanyAccessTestSupport.PASSWORD).statusCode()).isEqualTo(303);
        HttpResponse<String> form = company.get(NEW_SITE);
        assertThat(form.body()).contains("id=\"f-commune\"", "data-commune-combobox=\"/.rest/communes/v1\"",
                "/.resources/events/webresources/js/commune-combobox.js").doesNotContain("id=\"f-inseeCode\"", "<script>");
        long sitesBefore = siteCount();

        refused(company, Map.of("commune", "Atlantide"), "commune", "Aucune commune ne correspond à « Atlantide »");
        refused(company, Map.of("commune", ""), "commune", "Ce champ est obligatoire.");
        refused(company, Map.of("latitude", "49.87"), "longitude", "Indiquez la latitude et la longitude");
        refused(company, Map.of("latitude", "2.3588", "longitude", "49.8722"), "latitude", "n&#39;est pas en France");
        refused(company, Map.of("latitude", "quarante-neuf", "longitude", "2.35"), "latitude", "Indiquez un nombre");
        HttpResponse<String> english = company.post(NEW_SITE + "?lang=en", site(Map.of("commune", "Atlantide")));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("id=\"e-commune\"", "No commune matches &#39;Atlantide&#39;");
        HttpResponse<String> homonym = refused(company, Map.of("commune", "Saint-Martin"), "commune",
                "Plusieurs communes portent ce nom");
        assertThat(siteCount()).as("nothing written").isEqualTo(sitesBefore);

        Matcher choice = CHOICE.matcher(homonym.body());
        assertThat(choice.find()).isTrue();
        HttpResponse<String> chosen = company.post(NEW_SITE, site(Map.of("commune", "Saint-Martin",
                "communeChoice", choice.group(1).replace("&#39;", "'"), "name", "Atelier de Saint-Martin")));
        assertThat(chosen.statusCode()).isEqualTo(303);

        company.get(NEW_SITE);
        HttpResponse<String> created = company.post(NEW_SITE, site(Map.of("commune", "Longueau")));
        assertThat(created.statusCode()).isEqualTo(303);
        String sheetPage = created.headers().firstValue("Location").orElseThrow();
        String slug = sheetPage.replaceAll(".*/sites/([^/]+)/fiche", "$1");
        Map<String, Object> stored = PLATFORM.platform().repository().read(session -> {
            Node site = session.getNode("/sites/" + slug);
            Map<String, Object> values = new HashMap<>();
            for (String property : new String[] {"commune", "postalCode", "inseeCode", "department", "region",
                    "positionSource"}) {
                values.put(property, site.getProperty(property).getString());
            }
            values.put("latitude", site.getProperty("latitude").getDouble());
            values.put("longitude", site.getProperty("longitude").getDouble());
            return values;
        });
        assertThat(stored).containsEntry("commune", "Longueau").containsEntry("postalCode", "80330")
                .containsEntry("inseeCode", "80489").containsEntry("department", "80")
                .containsEntry("region", "Hauts-de-France").containsEntry("positionSource", "commune");
        assertThat((Double) stored.get("latitude")).isBetween(49.85, 49.90);
        assertThat((Double) stored.get("longitude")).isBetween(2.33, 2.39);
        HttpResponse<String> edit = company.get("/admin/entreprise/sites/" + slug);
        assertThat(edit.body()).contains("value=\"Longueau (80330)\"", "INSEE 80489")
                .contains("id=\"f-latitude\" name=\"latitude\" type=\"text\" value=\"\"");

        assertThat(company.get(sheetPage).statusCode()).isEqualTo(200);
        assertThat(company.post(sheetPage, CompanyFixtures.sheetValues()).statusCode()).isEqualTo(303);
        company.get(sheetPage);
        assertThat(company.post(sheetPage + "/soumettre", Map.of()).statusCode()).isEqualTo(303);
        PLATFORM.platform().accounts().create("orga@picardie.example.fr", "Organisateur", "Moderation-Picardie-2026".toCharArray(),
                Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("orga@picardie.example.fr", "Moderation-Picardie-2026");
        organiser.get("/admin/moderation/");
        assertThat(organiser.post("/admin/moderation/2026/" + slug + "/approuver", Map.of()).statusCode()).isEqualTo(303);

        DirectoryTestPages.await(PLATFORM, "/.rest/search/v1?near=Longueau&km=5", json -> json.contains(slug));
        DirectoryTestPages.await(PLATFORM, "/usines?near=Longueau&km=5", html -> html.contains("Site de Longueau"));
        DirectoryTestPages.await(PLATFORM, "/en/usines?near=80330&km=5", html -> html.contains("Site de Longueau"));
        DirectoryTestPages.await(PLATFORM, "/usines?near=80000&km=10", html -> html.contains("Site de Longueau"));
    }

    @Test
    void communeSuggestionsAnswerJsonAndRefuseBadParametersNamingThem() throws Exception {
        HttpResponse<String> found = PLATFORM.get("/.rest/communes/v1?q=Longu");
        assertThat(found.statusCode()).isEqualTo(200);
        var results = JsonMapper.mapper().readTree(found.body()).get("results");
        assertThat(results.size()).isBetween(1, 8);
        assertThat(found.body()).contains("\"value\":\"Longueau (80330)\"", "\"inseeCode\":\"80489\"",
                "\"label\":\"Longueau (80) – 80330\"");
        HttpResponse<String> byPostalCode = PLATFORM.get("/.rest/communes/v1?q=8008&limit=3");
        assertThat(JsonMapper.mapper().readTree(byPostalCode.body()).get("results").get(0).get("value").asText())
                .isEqualTo("Amiens (80080)");
        for (String[] bad : new String[][] {{"", "q"}, {"?q=", "q"}, {"?q=" + "a".repeat(101), "q"},
                {"?q=Amiens&limit=0", "limit"}, {"?q=Amiens&limit=lots", "limit"}, {"?q=Amiens&limit=21", "limit"}}) {
            HttpResponse<String> answer = PLATFORM.get("/.rest/communes/v1" + bad[0]);
            assertThat(answer.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(JsonMapper.mapper().readTree(answer.body()).get("parameter").asText()).isEqualTo(bad[1]);
        }
    }

    private static Map<String, String> site(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(CompanyFixtures.siteValues("Site de Longueau", "Longueau",
                "Hauts-de-France"));
        values.putAll(overrides);
        return values;
    }

    private static HttpResponse<String> refused(AdminBrowser company, Map<String, String> overrides, String field,
                                                String message) {
        company.get(NEW_SITE);
        HttpResponse<String> answer = company.post(NEW_SITE, site(overrides));
        assertThat(answer.statusCode()).as(overrides.toString()).isEqualTo(400);
        assertThat(answer.body()).as(overrides.toString()).contains("id=\"e-" + field + "\"", "href=\"#f-" + field + "\"",
                message);
        return answer;
    }

    private static long siteCount() {
        return PLATFORM.platform().repository().read(session -> {
            long count = 0;
            for (var it = session.getNode("/sites").getNodes(); it.hasNext(); it.nextNode()) {
                count++;
            }
            return count;
        });
    }
}
