package fr.usinesouvertes.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The browser harness itself: real Chromium on a page the platform serves, axe-core finding what it should. */
class BrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension platform =
            PlatformExtension.withLightModules(Path.of("src/test/resources/light-modules-browser")).inMemory();

    @RegisterExtension
    @Order(2)
    static final Browser browser = new Browser();

    @Test
    void chromiumRendersAPageOfThePlatformAndAxeFindsNoViolationOnAnAccessibleOne() {
        browser.open(platform.uri("/.resources/browser/webresources/clean.html"));

        assertThat(browser.title()).isEqualTo("Page accessible");
        assertThat(browser.find("label[for=q]").getText()).isEqualTo("Rechercher");
        browser.assertAccessible();
    }

    @Test
    void axeReportsMissingLanguageLabelAndAlternativeTextReadably() {
        browser.open(platform.uri("/.resources/browser/webresources/faulty.html"));

        assertThat(Axe.violations(browser.driver())).extracting(Axe.Violation::rule)
                .contains("html-has-lang", "label", "image-alt");
        assertThatThrownBy(browser::assertAccessible)
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("faulty.html")
                .hasMessageContaining("image-alt (critical)")
                .hasMessageContaining("<img src=");
    }
}
