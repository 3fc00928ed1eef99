package fr.usinesouvertes.events.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * axe-core (WCAG 2.1 A/AA and best practices) reports no violation on the public site's pages, in
 * real headless Chromium against the site's light module and its seed content. Add a page here when
 * you add a template.
 */
class SiteAccessibilityTest {

    /** A seed slot (Colas, Santes, Friday afternoon) open to the public, school groups and France Travail. */
    private static final String SLOT = "852d1a40-05c5-59e7-a25d-f276ea0031b2";

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @ParameterizedTest
    @ValueSource(strings = {"/", "/en/", "/salle-de-presse", "/en/salle-de-presse",
            "/salle-de-presse/2026-02-11-dossier-de-presse-plus-de-400-usines-ouvrent-leurs-portes",
            "/en/salle-de-presse/2026-02-11-dossier-de-presse-plus-de-400-usines-ouvrent-leurs-portes",
            "/recherche?q=usines", "/en/recherche?q=nothing-matches",
            "/en/inscription/" + SLOT + "/scolaire", "/inscription/" + SLOT + "/inconnu"})
    void pageHasNoViolation(String path) {
        BROWSER.open(PLATFORM.uri(path));

        assertThat(BROWSER.title()).isNotBlank();
        BROWSER.assertAccessible();
    }

    @ParameterizedTest
    @ValueSource(strings = {"grand-public", "scolaire", "france-travail"})
    void registrationFormSubmittedEmptyShowsItsErrorsAccessibly(String audience) {
        BROWSER.open(PLATFORM.uri("/inscription/" + SLOT + "/" + audience));
        BROWSER.assertAccessible();

        BROWSER.clickAndWait("main form button[type=submit]");

        assertThat(BROWSER.find(".form-errors[role=alert]").getText()).isNotBlank();
        assertThat(BROWSER.driver().findElements(org.openqa.selenium.By.cssSelector("[aria-invalid=true]"))).isNotEmpty();
        BROWSER.assertAccessible();
    }
}
