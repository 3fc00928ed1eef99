package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium: the commune field of the site form is an ARIA combobox; typing "Longu" suggests Longueau, the
 * keyboard picks it, the page passes axe, and the saved site has Longueau's INSEE code and position.
 */
class CommuneComboboxBrowserTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .modules(new EventsModule());

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @Test
    void aCompanyPicksItsCommuneWithTheKeyboardAndSaves() throws Exception {
        CompanyAccessTestSupport.company(PLATFORM, "Conserverie de la Somme", "conserverie@somme.example.fr");
        BROWSER.open(PLATFORM.uri("/admin/login"));
        type("#login", "conserverie@somme.example.fr");
        type("#password", CompanyAccessTestSupport.PASSWORD);
        BROWSER.clickAndWait("main form button[type=submit]");
        await(driver -> !driver.getCurrentUrl().contains("/admin/login"));

        BROWSER.open(PLATFORM.uri("/admin/entreprise/sites/nouveau"));
        type("#f-name", "Conserverie de Longueau");
        type("#f-address", "12 rue de la Gare");
        WebElement commune = BROWSER.find("#f-commune");
        assertThat(commune.getAttribute("role")).isEqualTo("combobox");
        assertThat(commune.getAttribute("aria-expanded")).isEqualTo("false");
        commune.sendKeys("Longu");
        WebElement option = BROWSER.find("#f-commune-listbox [role=option]");
        await(driver -> "true".equals(commune.getAttribute("aria-expanded")));
        assertThat(BROWSER.find("#f-commune-listbox").getText()).contains("Longueau (80) – 80330");
        await(driver -> BROWSER.find(".combobox [role=status]").getText().contains("proposée"));
        BROWSER.assertAccessible();

        int index = 0;
        var options = BROWSER.driver().findElements(By.cssSelector("#f-commune-listbox [role=option]"));
        while (!options.get(index).getText().startsWith("Longueau (80)")) {
            index++;
        }
        for (int i = 0; i <= index; i++) {
            commune.sendKeys(Keys.ARROW_DOWN);
        }
        String active = commune.getAttribute("aria-activedescendant");
        assertThat(BROWSER.find("#" + active).getText()).startsWith("Longueau (80)");
        assertThat(BROWSER.find("#" + active).getAttribute("aria-selected")).isEqualTo("true");
        assertThat(option).isNotNull();
        BROWSER.assertAccessible();
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(Path.of("target/screenshots/commune-combobox.png"),
                BROWSER.driver().getScreenshotAs(OutputType.BYTES));
        commune.sendKeys(Keys.ENTER);
        assertThat(commune.getAttribute("value")).isEqualTo("Longueau (80330)");
        assertThat(commune.getAttribute("aria-expanded")).isEqualTo("false");
        assertThat(BROWSER.driver().getCurrentUrl()).endsWith("/sites/nouveau"); // Enter picked, did not submit

        type("#f-sector", "Conserverie");
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(BROWSER.driver().getCurrentUrl()).endsWith("/fiche");
        String slug = BROWSER.driver().getCurrentUrl().replaceAll(".*/sites/([^/]+)/fiche", "$1");
        String insee = PLATFORM.platform().repository().read(session ->
                session.getNode("/sites/" + slug).getProperty("inseeCode").getString());
        assertThat(insee).isEqualTo("80489");

        BROWSER.open(PLATFORM.uri("/admin/entreprise/sites/" + slug + "?lang=en"));
        assertThat(BROWSER.find("#f-commune").getAttribute("value")).isEqualTo("Longueau (80330)");
        BROWSER.assertAccessible();
    }

    private static void await(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10)).until(condition::apply);
    }

    private static void type(String selector, String value) {
        WebElement element = BROWSER.find(selector);
        element.clear();
        element.sendKeys(value);
    }
}
