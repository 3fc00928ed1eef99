package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium, as the company does it: from its published sheet, "Annuler la participation" leads to a
 * confirmation page; an empty reason is refused next to the field; with a reason the visit is cancelled, and the
 * public page, in French and English, says so. Every page passes axe. The public page's screenshot is left in
 * {@code target/visit-cancelled-*.png}.
 */
class VisitCancellationBrowserTest {

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
    void aCompanyCancelsItsParticipationWithAReasonAndThePublicPageSaysTheVisitIsCancelled() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Omega",
                "omega@fonderie.example.fr", "Fonderie Omega de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "omega.example.fr");
        login("omega@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);

        BROWSER.open(PLATFORM.uri("/admin/entreprise/sites/" + sheet.slug() + "/fiche"));
        assertThat(text()).contains("Publiée", "Annuler ce créneau");
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("Annuler la participation")));
        assertThat(text()).contains("38 personne(s) confirmée(s) (4 inscription(s))", "1 inscription(s) en liste d'attente");
        BROWSER.assertAccessible();

        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(BROWSER.find("#e-reason").getText()).contains("Indiquez le motif");
        assertThat(BROWSER.find("#f-reason").getAttribute("aria-invalid")).isEqualTo("true");
        BROWSER.assertAccessible();
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");

        WebElement reason = BROWSER.find("#f-reason");
        reason.sendKeys("Un incendie a endommagé l'atelier : nous ne pouvons pas recevoir de visiteurs cette année.");
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(text()).contains("Fiche annulée.", "Annulée");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).containsOnly("cancelled");

        BROWSER.open(PLATFORM.uri("/usines/" + sheet.slug()));
        assertThat(text()).contains("Visite annulée", "Annulé", "D'autres usines à visiter près d'ici")
                .doesNotContain("Un incendie");
        assertThat(BROWSER.driver().findElements(By.cssSelector("a[href*='/inscription/" + sheet.saturdaySlot() + "']"))).isEmpty();
        BROWSER.assertAccessible();
        screenshot("fr");
        BROWSER.open(PLATFORM.uri("/en/usines/" + sheet.slug()));
        assertThat(text()).contains("Visit cancelled", "Other factories to visit nearby");
        BROWSER.assertAccessible();
        screenshot("en");
    }

    private static void screenshot(String lang) throws Exception {
        BROWSER.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        Files.write(Path.of("target/visit-cancelled-" + lang + ".png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
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
