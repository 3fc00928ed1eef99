package fr.usinesouvertes.events.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.search.SearchFixtures;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The directory and schools pages with the communes table embedded in the module (no {@code communes} setting): the
 * postal codes of big cities work, and a place that matches no commune is explained without a chip that would look
 * applied, in French and English.
 */
class DirectoryNearCommunesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(
                    Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-03-01T10:00:00+01:00")
            .modules(new EventsModule());

    private static final Pattern TOTAL = Pattern.compile("(\\d+) usines? trouvées?");

    @BeforeAll
    static void content() {
        SearchFixtures fixtures = new SearchFixtures(PLATFORM.platform().repository());
        String company = fixtures.company("nearfab", "Nearfab", "Mécanique");
        Object[][] sites = {
                {"nearfab-longueau", "Atelier de Longueau", "Longueau", "80", "Hauts-de-France", 49.8723, 2.3588},
                {"nearfab-toulouse", "Atelier de Toulouse", "Toulouse", "31", "Occitanie", 43.6043, 1.4437},
                {"nearfab-strasbourg", "Atelier de Strasbourg", "Strasbourg", "67", "Grand Est", 48.5839, 7.7455},
                {"nearfab-nice", "Atelier de Nice", "Nice", "06", "Provence-Alpes-Côte d'Azur", 43.7031, 7.2661}};
        for (Object[] site : sites) {
            String id = fixtures.site((String) site[0], company, (String) site[1], (String) site[2], (String) site[3],
                    (String) site[4], "Mécanique", (Double) site[5], (Double) site[6], "<p>Pièces.</p>");
            fixtures.sheet(2026, (String) site[0], id, "published",
                    new SearchFixtures.Slot("2026-03-20T09:00:00+01:00", 20, 5, List.of("school", "public")));
        }
        DirectoryFunctionsTest.awaitPage(PLATFORM, "/usines?q=nearfab", html -> html.contains("4 usines trouvées"));
    }

    @Test
    void theBigCitiesPostalCodesFindTheirSites() {
        String amiens = page("/usines?q=nearfab&near=80000&km=20");
        assertThat(amiens).contains("1 usine trouvée", "Atelier de Longueau", "Filtres appliqués", "80000 (20 km)")
                .doesNotContain("Atelier de Toulouse");
        assertThat(page("/usines?q=nearfab&near=31000&km=10")).contains("1 usine trouvée", "Atelier de Toulouse");
        assertThat(page("/usines?q=nearfab&near=67000&km=10")).contains("1 usine trouvée", "Atelier de Strasbourg");
        assertThat(page("/usines?q=nearfab&near=06000&km=10")).contains("1 usine trouvée", "Atelier de Nice");
        assertThat(page("/usines?q=nearfab&near=Longueau&km=5")).contains("1 usine trouvée", "Atelier de Longueau");
        assertThat(page("/usines?q=nearfab&near=80330&km=5")).contains("Atelier de Longueau");
        assertThat(page("/en/usines?q=nearfab&near=80000&km=20")).contains("Atelier de Longueau", "Filters applied")
                .doesNotContain("Atelier de Nice");
        assertThat(page("/scolaires?near=80000")).contains("Atelier de Longueau").doesNotContain("Atelier de Nice");
    }

    @Test
    void anUnknownPlaceIsExplainedTheListIsNotFilteredAndNoChipLooksApplied() {
        int all = total(page("/usines"));
        HttpResponse<String> french = PLATFORM.get("/usines?near=Atlantide&km=20");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("id=\"dir-near-error\"", "Aucune commune ne correspond")
                .doesNotContain("class=\"chips\"", "Filtres appliqués", "Atlantide (20 km)");
        assertThat(total(french.body())).isEqualTo(all);

        HttpResponse<String> english = PLATFORM.get("/en/usines?near=Atlantide");
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("id=\"dir-near-error\"", "No town matches")
                .doesNotContain("class=\"chips\"", "Filters applied");

        // the filters that do apply keep their chips
        HttpResponse<String> withRegion = PLATFORM.get("/usines?near=Atlantide&region=Occitanie");
        assertThat(withRegion.statusCode()).isEqualTo(400);
        assertThat(withRegion.body()).contains("Filtres appliqués", "Atelier de Toulouse")
                .doesNotContain("Atlantide</a>", "Atlantide<span");

        for (String schools : new String[] {"/scolaires?near=Atlantide", "/en/scolaires?near=Atlantide"}) {
            HttpResponse<String> page = PLATFORM.get(schools);
            assertThat(page.statusCode()).as(schools).isEqualTo(400);
            assertThat(page.body()).as(schools).contains("id=\"dir-near-error\"", "Atelier de Longueau", "Atelier de Nice")
                    .doesNotContain("class=\"chips\"");
        }
    }

    private static String page(String path) {
        return DirectoryFunctionsTest.page(PLATFORM, path);
    }

    private static int total(String html) {
        Matcher matcher = TOTAL.matcher(html);
        assertThat(matcher.find()).as("count of factories in the page").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
