package fr.usinesouvertes.events.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The directory of the seed site on a phone (390 × 844 CSS pixels, as an iPhone 12–15) and on a wide screen,
 * in headless Chromium: on the phone the first result is within the first screen and a half and the filters
 * are folded under a disclosure reachable and opened with the keyboard; on a wide screen they are open beside
 * the results. Accessibility (axe-core) on the phone, French and English.
 */
class DirectorySmallScreenTest {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

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
    static void indexed() {
        DirectoryFunctionsTest.awaitPage(PLATFORM, "/usines?q=colas", html -> html.contains("13 usines trouvées"));
    }

    @Test
    void onAPhoneTheFirstResultComesFirstAndTheFiltersAreFolded() {
        phone();
        for (String path : new String[] {"/usines", "/en/usines", "/usines?region=Hauts-de-France&audience=school",
                "/regions/ile-de-france", "/scolaires"}) {
            BROWSER.open(PLATFORM.uri(path));
            double top = firstResultTop();
            System.out.printf("%s at %d×%d: first result at y = %.0f px%n", path, PHONE_WIDTH, PHONE_HEIGHT, top);
            screenshot("phone" + path.replaceAll("[^a-z]+", "-"));
            BROWSER.driver().executeScript("window.scrollTo(0, arguments[0]);", Math.max(0, top - PHONE_HEIGHT / 2));
            screenshot("phone" + path.replaceAll("[^a-z]+", "-") + "-scrolled");
            if (path.contains("/usines")) { // the other pages put their editorial text first, on purpose
                assertThat(top).as(path + ": the first result's top").isLessThan(1.5 * PHONE_HEIGHT);
            }
        }
        BROWSER.open(PLATFORM.uri("/usines"));
        WebElement filters = BROWSER.find("details.facets");
        assertThat(filters.getAttribute("open")).as("folded on a phone").isNull();
        assertThat(BROWSER.find("#f-region-0").isDisplayed()).isFalse();
        BROWSER.assertAccessible();
        BROWSER.open(PLATFORM.uri("/en/usines?sector=" + java.net.URLEncoder.encode("Laboratoire pharmaceutique",
                java.nio.charset.StandardCharsets.UTF_8)));
        BROWSER.assertAccessible();
    }

    @Test
    void onAPhoneTheFoldedFiltersAreReachedAndOpenedWithTheKeyboard() {
        phone();
        BROWSER.open(PLATFORM.uri("/usines"));
        WebElement summary = BROWSER.find("details.facets > summary");
        assertThat(summary.getText()).contains("Affiner la recherche");
        Actions keys = new Actions(BROWSER.driver());
        boolean reached = false;
        for (int i = 0; i < 60 && !reached; i++) {
            keys.sendKeys(Keys.TAB).perform();
            reached = summary.equals(BROWSER.driver().switchTo().activeElement());
        }
        assertThat(reached).as("the filters' disclosure is reached with Tab").isTrue();
        keys.sendKeys(Keys.ENTER).perform();
        assertThat(BROWSER.find("details.facets").getAttribute("open")).isNotNull();
        WebElement firstRegion = BROWSER.find("#f-region-0");
        assertThat(firstRegion.isDisplayed()).isTrue();
        // a filter chosen on the phone applies as anywhere else (no JavaScript needed)
        keys.sendKeys(Keys.TAB).perform();
        assertThat(BROWSER.driver().switchTo().activeElement()).isEqualTo(firstRegion);
    }

    @Test
    void onAWideScreenTheFiltersAreOpenBesideTheResults() {
        BROWSER.driver().executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        BROWSER.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        BROWSER.open(PLATFORM.uri("/usines"));
        assertThat(BROWSER.find("details.facets").getAttribute("open")).isNotNull();
        WebElement facet = BROWSER.find("#f-region-0");
        assertThat(facet.isDisplayed()).isTrue();
        assertThat(facet.getRect().getX()).as("filters in the left column").isLessThan(BROWSER.find(".result").getRect().getX());
        BROWSER.assertAccessible();
    }

    private static void phone() {
        BROWSER.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE_WIDTH,
                "height", PHONE_HEIGHT, "deviceScaleFactor", 1, "mobile", true));
    }

    /** The page as shown, kept in target/screenshots to look at. */
    static void screenshot(String name) {
        try {
            Path folder = Path.of("target/screenshots");
            java.nio.file.Files.createDirectories(folder);
            byte[] png = BROWSER.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(folder.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static double firstResultTop() {
        BROWSER.find(".result");
        return ((Number) BROWSER.driver().executeScript("return document.querySelector('.result')"
                + ".getBoundingClientRect().top + window.scrollY;")).doubleValue();
    }
}
