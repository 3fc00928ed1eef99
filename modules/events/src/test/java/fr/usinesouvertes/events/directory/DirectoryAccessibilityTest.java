package fr.usinesouvertes.events.directory;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.search.SearchFixtures;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core in headless Chromium (WCAG 2.1 A/AA and best practices) on the directory with filters applied,
 * its error state, a site page, a regional page and the schools page, in French and English.
 */
class DirectoryAccessibilityTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(
                    Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-03-01T10:00:00+01:00")
            .setting("communes", Path.of("src/test/resources/search/communes.csv").toAbsolutePath().toString())
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @BeforeAll
    static void content() {
        SearchFixtures fixtures = new SearchFixtures(PLATFORM.platform().repository());
        String company = fixtures.company("axefab", "Axefab", "Mécanique");
        String santes = fixtures.site("axefab-santes", company, "Atelier de Santes", "Santes", "59",
                "Hauts-de-France", "Mécanique", 50.5936, 2.9606, "<p>Pièces usinées.</p>");
        fixtures.sheet(2026, "axefab-santes", santes, "published",
                new SearchFixtures.Slot("2026-03-20T09:00:00+01:00", 20, 5, List.of("school", "public")),
                new SearchFixtures.Slot("2026-03-21T14:00:00+01:00", 10, 10, List.of("public")));
        String paris = fixtures.site("axefab-paris", company, "Atelier de Paris", "Paris", "75",
                "Île-de-France", "Mécanique", 48.8567, 2.3510, "<p>Pièces usinées.</p>");
        fixtures.sheet(2026, "axefab-paris", paris, "published",
                new SearchFixtures.Slot("2026-03-20T10:00:00+01:00", 30, 0, List.of("school", "franceTravail")));
        DirectoryFunctionsTest.awaitPage(PLATFORM, "/usines?q=axefab", html -> html.contains("2 usines trouvées"));
    }

    @Test
    void directoryWithFiltersAppliedHasNoViolation() {
        check("/usines?q=atelier&region=Hauts-de-France&audience=school&placesLeft=any");
        check("/en/usines?region=" + URLEncoder.encode("Île-de-France", StandardCharsets.UTF_8) + "&audience=school");
    }

    @Test
    void directoryWithAFieldInErrorAndPagesHasNoViolation() {
        check("/usines?near=Atlantide&km=30");
        check("/usines?near=Saint-Martin");
        check("/usines?page=2");
    }

    @Test
    void sitePageHasNoViolation() {
        check("/usines/axefab-santes");
        check("/en/usines/axefab-santes");
    }

    @Test
    void regionalAndSchoolsPagesHaveNoViolation() {
        check("/regions/ile-de-france");
        check("/scolaires?near=Lille");
        check("/en/scolaires?near=Lille");
    }

    private static void check(String path) {
        BROWSER.open(PLATFORM.uri(path)).assertAccessible();
    }
}
