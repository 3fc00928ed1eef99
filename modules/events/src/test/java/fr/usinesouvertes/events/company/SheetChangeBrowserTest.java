package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium: a company changes its published sheet (meeting point, a slot's times); a capacity below the
 * confirmed persons is refused next to the field, in French and in English; the saved change waits ("Modification en
 * attente de validation") while the public page keeps the published version; the organisers see the differences and
 * approve; the public page shows the change. Every back-office page passes axe. Screenshots:
 * {@code target/sheet-change-company.png}, {@code target/sheet-change-moderation.png}.
 */
class SheetChangeBrowserTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .modules(new EventsModule());

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCompanyChangesItsPublishedSheetAndTheOrganisersApproveTheChange() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Kappa",
                "kappa@fonderie.example.fr", "Fonderie Kappa de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "kappa.example.fr");
        login("kappa@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetUrl = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";

        BROWSER.open(PLATFORM.uri(sheetUrl + "?lang=en"));
        type("#f-slot-1-capacity", "10");
        BROWSER.clickAndWait("form[action*='/fiche'][action$='lang=en'] button[type=submit]");
        assertThat(BROWSER.find("#e-slot-1-capacity").getText()).contains("below the 18 persons already confirmed");
        BROWSER.assertAccessible();

        BROWSER.open(PLATFORM.uri(sheetUrl));
        assertThat(text()).contains("Cette fiche est publiée", "Annuler ce créneau");
        type("#f-slot-1-capacity", "10");
        BROWSER.clickAndWait("form[action$='/fiche'] button[type=submit]");
        assertThat(BROWSER.find("#e-slot-1-capacity").getText()).contains("sous les 18 personnes déjà confirmées");
        assertThat(BROWSER.find("#f-slot-1-capacity").getAttribute("aria-invalid")).isEqualTo("true");
        BROWSER.assertAccessible();

        type("#f-slot-1-capacity", "20");
        type("#f-meetingPoint", "Accueil du bâtiment B");
        type("#f-slot-1-start", "14:00");
        type("#f-slot-1-end", "16:00");
        BROWSER.clickAndWait("form[action$='/fiche'] button[type=submit]");
        assertThat(text()).contains("Modification envoyée aux organisateurs", "Modification en attente de validation",
                "Accueil du bâtiment B", "Poste de garde", "Retirer la modification");
        BROWSER.assertAccessible();
        screenshot("company");
        BROWSER.open(PLATFORM.uri("/usines/" + sheet.slug()));
        assertThat(text()).contains("Poste de garde").doesNotContain("Accueil du bâtiment B");

        PLATFORM.platform().accounts().create("orga@kappa-change.example.fr", "Organisatrice",
                "Moderation-2026-ok".toCharArray(), Set.of(Role.ADMIN), null);
        BROWSER.open(PLATFORM.uri("/admin/"));
        BROWSER.clickAndWait("form[action^='/admin/logout'] button");
        login("orga@kappa-change.example.fr", "Moderation-2026-ok");
        BROWSER.open(PLATFORM.uri("/admin/moderation/"));
        assertThat(text()).contains("Modifications de fiches publiées", "Fonderie Kappa de Santes", "Poste de garde",
                "Accueil du bâtiment B", "samedi 21 mars 2026, 14 h 00 – 16 h 00",
                "Horaire modifié : 18 personne(s) confirmée(s) et 1 inscription(s) en attente seront prévenues par e-mail.");
        BROWSER.assertAccessible();
        screenshot("moderation");
        BROWSER.clickAndWait("form[action$='/" + sheet.slug() + "/modification/approuver'] button");
        assertThat(text()).contains("Modification publiée", "inscription(s) sont prévenues du changement");
        // the English page (the French one is in the browser's cache for up to a minute: max-age=60)
        BROWSER.open(PLATFORM.uri("/en/usines/" + sheet.slug()));
        assertThat(text()).contains("Accueil du bâtiment B").doesNotContain("Poste de garde");
    }

    private static void screenshot(String name) throws Exception {
        BROWSER.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2200));
        Files.write(Path.of("target/sheet-change-" + name + ".png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
    }

    private static void login(String login, String password) {
        BROWSER.open(PLATFORM.uri("/admin/login"));
        type("#login", login);
        type("#password", password);
        BROWSER.clickAndWait("main form button[type=submit]");
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(10)).until(driver -> !driver.getCurrentUrl().contains("/admin/login"));
    }

    private static void type(String selector, String value) {
        WebElement element = BROWSER.find(selector);
        element.clear();
        element.sendKeys(value);
    }

    private static String text() {
        return BROWSER.find("body").getText();
    }
}
