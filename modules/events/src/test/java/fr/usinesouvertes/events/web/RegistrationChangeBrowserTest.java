package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.SeedSitePlatform;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * In real Chromium, from a clean start: the registrant opens the signed link, changes the head count beyond the
 * places left (refused next to the field), then moves to another slot, in French and in English. Every page passes
 * axe; screenshots are left in {@code target/registration-change-*.png}.
 */
class RegistrationChangeBrowserTest {

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern MANAGE = Pattern.compile("href=\"https?://[^/\"]+(?:/en)?(/inscription/gestion/[^\"]+)\"");

    @RegisterExtension
    static final PlatformExtension PLATFORM = SeedSitePlatform.duringSignUp();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static String register(String slot, String email, int persons) {
        String path = "/inscription/" + slot + "/grand-public";
        Matcher csrf = CSRF.matcher(PLATFORM.get(path).body());
        assertThat(csrf.find()).isTrue();
        String body = Map.of("csrf", csrf.group(1), "name", "Nadia Benali", "email", email,
                        "persons", String.valueOf(persons), "consent", "true").entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Matcher link = MANAGE.matcher(PLATFORM.post(path, "application/x-www-form-urlencoded", body).body());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void theRegistrantChangesTheHeadCountAndMovesToAnotherSlotInFrenchAndEnglish() throws Exception {
        List<String> slots = EventSheetFixtures.sheet(PLATFORM.platform().repository(), 6, List.of("public"), 8, 20);
        String manage = register(slots.get(0), "navigateur@example.fr", 2);
        register(slots.get(0), "voisin@example.fr", 5); // 7 of 8

        BROWSER.open(PLATFORM.uri(manage));
        assertThat(text()).contains("Modifier mon inscription", "places restantes : 1");
        BROWSER.assertAccessible();
        type("#f-persons", "4");
        BROWSER.clickAndWait("form[action$='/modifier'] button[type=submit]");
        assertThat(BROWSER.find("#e-persons").getText()).contains("il reste 1 place", "3 personnes au plus");
        assertThat(BROWSER.find("#f-persons").getAttribute("aria-invalid")).isEqualTo("true");
        BROWSER.assertAccessible();
        screenshot("refused-fr");
        assertThat(EventSheetFixtures.confirmedPersons(PLATFORM.platform().repository(), slots.get(0))).isEqualTo(7);

        new Select(BROWSER.find("#f-slot")).selectByValue(slots.get(1));
        BROWSER.clickAndWait("form[action$='/modifier'] button[type=submit]");
        assertThat(text()).contains("Votre inscription est modifiée", "16 h 30 – 18 h 30");
        assertThat(EventSheetFixtures.confirmedPersons(PLATFORM.platform().repository(), slots.get(1))).isEqualTo(4);
        assertThat(EventSheetFixtures.confirmedPersons(PLATFORM.platform().repository(), slots.get(0))).isEqualTo(5);
        BROWSER.assertAccessible();

        BROWSER.open(PLATFORM.uri("/en" + manage));
        assertThat(text()).contains("Change my registration", "current slot");
        BROWSER.assertAccessible();
        screenshot("form-en");
        type("#f-persons", "3");
        BROWSER.clickAndWait("form[action$='/modifier'] button[type=submit]");
        assertThat(text()).contains("Your registration has changed");
        assertThat(EventSheetFixtures.confirmedPersons(PLATFORM.platform().repository(), slots.get(1))).isEqualTo(3);
        BROWSER.assertAccessible();
        BROWSER.open(PLATFORM.uri(manage));
        screenshot("form-fr");
    }

    private static void type(String selector, String value) {
        WebElement element = BROWSER.find(selector);
        element.clear();
        element.sendKeys(value);
    }

    private static String text() {
        return BROWSER.find("body").getText();
    }

    private static void screenshot(String name) throws Exception {
        BROWSER.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
        Files.write(Path.of("target/registration-change-" + name + ".png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
    }
}
