package fr.usinesouvertes.events.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.search.SearchFixtures;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The directory page (/usines), regional and schools pages, rendered by the site's light module over real HTTP. */
class DirectoryFunctionsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(
                    Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-03-01T10:00:00+01:00")
            .setting("communes", Path.of("src/test/resources/search/communes.csv").toAbsolutePath().toString())
            .modules(new EventsModule());

    static final int TESTFAB_SITES = 23;
    private static SearchFixtures fixtures;

    @BeforeAll
    static void content() {
        fixtures = new SearchFixtures(PLATFORM.platform().repository());
        String testfab = fixtures.company("testfab", "Testfab", "Mécanique");
        String santes = fixtures.site("testfab-santes", testfab, "Atelier de Santes", "Santes", "59",
                "Hauts-de-France", "Mécanique", 50.5936, 2.9606, "<p>Pièces usinées.</p>");
        fixtures.sheet(2026, "testfab-santes", santes, "published",
                new SearchFixtures.Slot("2026-03-20T09:00:00+01:00", 20, 5, List.of("school", "public")),
                new SearchFixtures.Slot("2026-03-21T14:00:00+01:00", 10, 10, List.of("public")));
        String lyon = fixtures.site("testfab-lyon", testfab, "Atelier de Lyon", "Lyon", "69",
                "Auvergne-Rhône-Alpes", "Mécanique", 45.7578, 4.8320, "<p>Pièces usinées.</p>");
        fixtures.sheet(2026, "testfab-lyon", lyon, "published",
                new SearchFixtures.Slot("2026-03-21T09:00:00+01:00", 12, 0, List.of("public")));
        String paris = fixtures.site("testfab-paris", testfab, "Atelier de Paris", "Paris", "75",
                "Île-de-France", "Mécanique", 48.8567, 2.3510, "<p>Pièces usinées.</p>");
        fixtures.sheet(2026, "testfab-paris", paris, "published",
                new SearchFixtures.Slot("2026-03-20T10:00:00+01:00", 30, 30, List.of("school", "franceTravail")));
        for (int i = 0; i < TESTFAB_SITES - 3; i++) {
            String slug = "testfab-annexe-" + i;
            String id = fixtures.site(slug, testfab, "Annexe " + i, "Lille", "59", "Hauts-de-France", "Mécanique",
                    50.6311, 3.0468, "<p>Stockage.</p>");
            fixtures.sheet(2026, slug, id, "published",
                    new SearchFixtures.Slot("2026-03-21T09:00:00+01:00", 5, 0, List.of("public")));
        }
        awaitPage("/usines?q=testfab", html -> html.contains(TESTFAB_SITES + " usines trouvées"));
    }

    @Test
    void directoryListsSitesWithFacetsMapAndLinks() {
        String html = page("/usines");
        assertThat(page("/usines?q=atelier")).contains("href=\"/usines/testfab-santes\"",
                "Testfab – Atelier de Santes", "Santes (59)");
        assertThat(html).contains("<html lang=\"fr\"", "role=\"search\"", "<label for=\"dir-q\">",
                "<label for=\"dir-near\">", "<legend>Région</legend>", "<legend>Public accueilli</legend>",
                "<legend>Jour</legend>", "Vendredi 20 mars 2026", "Groupes scolaires", "Places disponibles");
        assertThat(html).contains("<svg class=\"map\"", "<title id=\"map-svg-title\">", "Corse", "La Réunion",
                "href=\"/usines?region=Hauts-de-France\"", "href=\"/usines?region=%C3%8Ele-de-France\"");
        assertThat(regionCount(html, "Hauts-de-France")).isGreaterThanOrEqualTo(TESTFAB_SITES - 2);
    }

    @Test
    void filtersNarrowTheListShowCheckedBoxesAndRemovableChips() {
        String html = page("/usines?q=testfab&region=" + enc("Île-de-France") + "&audience=school&utm_source=x");
        assertThat(html).contains("1 usine trouvée", "Testfab – Atelier de Paris", "Complet")
                .doesNotContain("Atelier de Santes", "Atelier de Lyon");
        assertThat(html).contains("value=\"school\" checked", "value=\"Île-de-France\" checked");
        // a chip removes its own filter and keeps the others; utm_source is not carried over
        assertThat(html).contains("href=\"/usines?q=testfab&amp;audience=school\"",
                "href=\"/usines?q=testfab&amp;region=%C3%8Ele-de-France\"", "retirer ce filtre")
                .doesNotContain("utm_source");
        // counts of a dimension ignore its own filter: the other regions stay offered
        assertThat(html).contains("value=\"Hauts-de-France\"");
    }

    @Test
    void nearSortsByDistanceAndShowsKilometres() {
        assertThat(page("/usines?q=testfab&near=Lille&km=300")).contains("triées de la plus proche", "à 0 km", "Annexe 0");
        String html = page("/usines?q=" + enc("testfab -annexe") + "&near=59000&km=300");
        assertThat(html).contains("Atelier de Santes", "à 7,4 km", "à 203,5 km");
        assertThat(html.indexOf("Atelier de Santes")).isLessThan(html.indexOf("Atelier de Paris"));
        assertThat(html).doesNotContain("Atelier de Lyon"); // 560 km from Lille
    }

    @Test
    void unknownOrAmbiguousCommuneIsExplainedNextToTheField() {
        String unknown = refused("/usines?near=Atlantide");
        assertThat(unknown).contains("aria-invalid=\"true\" aria-describedby=\"dir-near-error\"",
                "id=\"dir-near-error\"", "Aucune commune ne correspond");
        String ambiguous = refused("/usines?near=Saint-Martin");
        assertThat(ambiguous).contains("Plusieurs communes portent ce nom", "Saint-Martin (64, 64640)",
                "href=\"/usines?near=83560\"");
        String badDay = refused("/usines?day=vendredi");
        assertThat(badDay).contains("role=\"alert\"", "Valeur non valide");
        String twoBadFields = refused("/usines?day=vendredi&audience=martiens&q=testfab");
        assertThat(twoBadFields).contains("role=\"alert\"", "Valeur non valide", "23 usines trouvées");
    }

    @Test
    void refusedParametersAnswer400WithTheMessageInTheSiteLayoutNeverCached() {
        assertThat(refused("/usines?region=Atlantide")).contains("Cette région n&#39;existe pas", "(region)");
        assertThat(refused("/usines?near=59000&km=-5")).contains("id=\"dir-km-error\"", "Valeur non valide");
        assertThat(refused("/usines?km=abc")).contains("id=\"dir-km-error\"", "Valeur non valide");
        assertThat(refused("/usines?limit=100000")).contains("n&#39;est pas pris en charge par l&#39;annuaire", "(limit)");
        assertThat(refused("/usines?lat=50.6")).contains("n&#39;est pas pris en charge par l&#39;annuaire", "(lat)");
        assertThat(refused("/usines?near=Atlantide&q=testfab")).contains("Aucune commune ne correspond");
        String english = refused("/en/usines?region=Atlantide");
        assertThat(english).contains("This region does not exist", "<html lang=\"en\"");

        // asked again (view and fragment caches warm), and without the bad parameter: each keeps its own status
        assertThat(refused("/usines?km=abc")).contains("id=\"dir-km-error\"");
        assertThat(page("/usines")).doesNotContain("field-error");
        assertThat(page("/usines?region=Hauts-de-France&km=35&utm_source=lettre")).doesNotContain("field-error");
        assertThat(refused("/usines?region=Atlantide")).contains("Cette région n&#39;existe pas");

        assertThat(refused("/scolaires?near=Atlantide")).contains("Aucune commune ne correspond");
        assertThat(refused("/scolaires?limit=5")).contains("n&#39;est pas pris en charge par l&#39;annuaire");
    }

    /** A page answered 400: the whole page in the site's layout, with no validator and no shared caching. */
    static String refused(String path) {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(400);
        assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
        assertThat(response.headers().firstValue("ETag")).as(path).isEmpty();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWithIgnoringCase("text/html");
        assertThat(response.body()).as(path).contains("<header", "<footer", "</html>");
        return response.body();
    }

    @Test
    void paginationIsANavWithTheCurrentPageMarked() {
        String first = page("/usines?q=testfab");
        assertThat(first).contains("<nav class=\"pagination\" aria-label=\"Pages de résultats\">",
                "href=\"/usines?q=testfab\" aria-current=\"page\"", "href=\"/usines?q=testfab&amp;page=2\" rel=\"next\"");
        String second = page("/usines?q=testfab&page=2");
        assertThat(second).contains("href=\"/usines?q=testfab&amp;page=2\" aria-current=\"page\"", "rel=\"prev\"");
        assertThat(Pattern.compile("class=\"card result\"").matcher(second).results().count())
                .isEqualTo(TESTFAB_SITES - 20);
    }

    @Test
    void englishVersionSpeaksEnglishAndLinksEnglishPages() {
        String html = page("/en/usines?q=atelier&region=Hauts-de-France");
        assertThat(html).contains("<html lang=\"en\"", "<legend>Region</legend>", "factories found",
                "href=\"/en/usines/testfab-santes\"", "Friday 20 March 2026", "href=\"/en/usines?q=atelier\"");
    }

    @Test
    void indexChangesReachThePageDespiteTheCache() {
        String ateliers = "/usines?q=" + enc("testfab -annexe");
        assertThat(page(ateliers)).contains("3 usines trouvées", "href=\"/usines/testfab-lyon\"");
        fixtures.setStatus(2026, "testfab-lyon", "draft");
        awaitPage(ateliers, html -> html.contains("2 usines trouvées") && !html.contains("testfab-lyon"));
        fixtures.setStatus(2026, "testfab-lyon", "published");
        awaitPage(ateliers, html -> html.contains("3 usines trouvées"));
    }

    @Test
    void homePageCallToActionLeadsToTheDirectory() {
        assertThat(page("/")).contains("href=\"/usines\"").doesNotContain("usines-inscrites");
        assertThat(page("/en/")).contains("href=\"/en/usines\"");
    }

    @Test
    void regionalPageListsItsRegionsSitesThroughTheSearch() {
        String html = page("/regions/ile-de-france");
        assertThat(html).contains("Parcours Industrie", "Les usines ouvertes de la région Île-de-France",
                "href=\"/usines/testfab-paris\"", "href=\"/usines?region=%C3%8Ele-de-France\"")
                .doesNotContain("href=\"/usines/testfab-santes\"", "href=\"/usines/testfab-lyon\"");
        assertThat(page("/en/regions/ile-de-france")).contains("<html lang=\"en\"", "Open factories in the region",
                "href=\"/en/usines/testfab-paris\"");
    }

    @Test
    void aRegionalPageWithAMisspeltRegionListsNoSiteAndStays200() {
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node page = session.getNode("/website/journees-usines-ouvertes/regions")
                    .addNode("atlantide", "mgnl:page");
            page.setProperty("mgnl:template", "usines-ouvertes:pages/region");
            page.setProperty("title", "Atlantide");
            page.setProperty("regionName", "Atlantide");
            return null;
        });
        PLATFORM.publish("website", "/journees-usines-ouvertes/regions/atlantide");

        String html = page("/regions/atlantide");
        assertThat(html).contains("Atlantide").doesNotContain("href=\"/usines/testfab-", "field-error");
    }

    @Test
    void schoolsPageFindsSchoolDaySitesNearTheSchoolWithinTheDefaultRadius() {
        String html = page("/scolaires?near=Lille");
        assertThat(html).contains("<label for=\"dir-near\">", "value=\"35\"", "35 km à vol d&#39;oiseau",
                "href=\"/usines/testfab-santes\"", "à 7,4 km")
                .doesNotContain("href=\"/usines/testfab-paris\"", "href=\"/usines/testfab-annexe-0\"");
        assertThat(page("/scolaires?near=Lille&km=300")).contains("href=\"/usines/testfab-paris\"");
        assertThat(page("/en/scolaires?near=Lille")).contains("Find a factory near your school",
                "href=\"/en/usines/testfab-santes\"");
        assertThat(refused("/scolaires?near=Atlantide")).contains("Aucune commune ne correspond");
    }

    @Test
    void kitDownloadAppearsOnlyOnceTheAssetExists() {
        assertThat(page("/scolaires")).doesNotContain("Demain » (PDF)");
        PLATFORM.platform().repository().write(session -> {
            javax.jcr.Node dam = session.getNode("/dam");
            javax.jcr.Node kits = dam.hasNode("kits") ? dam.getNode("kits") : dam.addNode("kits", "mgnl:folder");
            javax.jcr.Node asset = kits.addNode("kit-industrie-de-demain", "mgnl:asset");
            asset.setProperty("title", "Kit de l'Industrie de Demain");
            javax.jcr.Node file = asset.addNode("jcr:content", "mgnl:resource");
            file.setProperty("fileName", "kit-industrie-de-demain.pdf");
            file.setProperty("jcr:mimeType", "application/pdf");
            file.setProperty("jcr:data", session.getValueFactory().createBinary(
                    new java.io.ByteArrayInputStream("%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII))));
            return null;
        });
        assertThat(page("/scolaires")).as("a draft asset is not public").doesNotContain("Demain » (PDF)");
        PLATFORM.platform().publishing().publish("test", "dam", "/kits", true);
        assertThat(page("/scolaires")).contains("Télécharger le « Kit de l&#39;Industrie de Demain » (PDF)",
                "kit-industrie-de-demain.pdf\"");
    }

    private static long regionCount(String html, String region) {
        Matcher matcher = Pattern.compile(">" + Pattern.quote(region) + "</a> <span class=\"count\">(\\d+) usine")
                .matcher(html);
        assertThat(matcher.find()).as("count of " + region).isTrue();
        return Long.parseLong(matcher.group(1));
    }

    static String page(String path) {
        return page(PLATFORM, path);
    }

    static String page(PlatformExtension platform, String path) {
        HttpResponse<String> response = platform.get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    static void awaitPage(String path, java.util.function.Predicate<String> condition) {
        awaitPage(PLATFORM, path, condition);
    }

    /** Polls a page until it matches: the search index follows repository changes a moment later. */
    static void awaitPage(PlatformExtension platform, String path, java.util.function.Predicate<String> condition) {
        await(path + " matched").atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100)).until(() -> page(platform, path), condition);
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
