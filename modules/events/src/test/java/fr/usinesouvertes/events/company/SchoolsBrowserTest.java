package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.support.ui.Select;

/**
 * The schools outreach in Chromium: an organiser sends the proposals of a site from the *Écoles* screen; the school
 * follows the e-mailed link, picks the slot and finds the form filled in with its name, UAI and commune, asks for
 * transport funding with an amount and registers; the organiser finds the request on the *Transport des scolaires*
 * screen. Every screen passes axe; screenshots in {@code target/screenshots/schools-*.png}.
 */
class SchoolsBrowserTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-01-15T10:00:00+01:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees.example.fr")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aSchoolRegistersFromItsProposalAndItsFundingRequestReachesTheOrganisers() throws Exception {
        SchoolsOutreachTest.importExtract(PLATFORM);
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation",
                "correct horse battery".toCharArray(), Set.of(Role.ADMIN), null);

        BROWSER.logIn(PLATFORM, "organisation@example.fr", "correct horse battery");
        BROWSER.open(PLATFORM.uri("/admin/ecoles/")).assertAccessible();
        BROWSER.find("#f-site").sendKeys(sheet.slug());
        BROWSER.clickAndWait("form[action$='/propositions'] button[type=submit]");
        assertThat(BROWSER.driver().getPageSource()).contains("3 proposition(s) envoyée(s)");
        BROWSER.screenshot("schools-back-office");
        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length >= 3);

        BROWSER.driver().manage().deleteAllCookies();
        BROWSER.open(PLATFORM.uri(SchoolMails.link(SMTP, "ce.0590001a@ac-lille.fr"))).assertAccessible();
        BROWSER.screenshot("schools-proposal");
        BROWSER.clickAndWait(".proposal-slots a");
        assertThat(BROWSER.find("#f-schoolName").getAttribute("value")).isEqualTo("Collège Jean Jaurès");
        assertThat(BROWSER.find("#f-uai").getAttribute("value")).isEqualTo("0590001A");
        assertThat(BROWSER.find("#f-commune").getAttribute("value")).isEqualTo("Santes");
        BROWSER.assertAccessible();
        new Select(BROWSER.find("#f-level")).selectByValue("college");
        BROWSER.find("#f-persons").sendKeys("12");
        BROWSER.find("#f-accompanyingAdults").sendKeys("2");
        BROWSER.find("#f-teacherName").sendKeys("Mme Carpentier");
        BROWSER.find("#f-email").sendKeys("carpentier@college.example.fr");
        BROWSER.find("#f-phone").sendKeys("03 20 00 00 00");
        BROWSER.find("#f-transportFunding").click();
        BROWSER.find("#f-transportAmount").sendKeys("420");
        BROWSER.find("#f-consent").click();
        BROWSER.screenshot("schools-prefilled-form");
        BROWSER.clickAndWait("form[method=post] button[type=submit]");
        assertThat(BROWSER.driver().getPageSource()).contains("Votre inscription est confirmée");

        BROWSER.logIn(PLATFORM, "organisation@example.fr", "correct horse battery");
        BROWSER.open(PLATFORM.uri("/admin/transport-scolaire/")).assertAccessible();
        assertThat(BROWSER.driver().getPageSource()).contains("Collège Jean Jaurès (0590001A)", "420 €", "estimation");
        BROWSER.screenshot("schools-transport-funding");
        BROWSER.open(PLATFORM.uri("/admin/ecoles/?edition=2026"));
        assertThat(BROWSER.driver().getPageSource())
                .contains("<th scope=\"row\">Hauts-de-France</th><td>3</td><td>1</td><td>1</td><td>0</td>");
    }
}
