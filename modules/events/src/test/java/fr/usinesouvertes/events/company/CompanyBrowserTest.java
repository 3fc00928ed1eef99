package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium: a company signs up, creates a site and an event sheet, an organiser approves it and
 * it appears publicly; company A cannot open company B's event sheet or registrations.
 */
class CompanyBrowserTest {

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

    private static final Pattern LINK = Pattern.compile("https?://[^/\\s]+(/espace-entreprise/verification/[A-Za-z0-9._-]+)");

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCompanySignsUpAndPublishesAnApprovedSheetAndCannotOpenAnotherCompanysSheet() throws Exception {
        BROWSER.open(PLATFORM.uri("/espace-entreprise/inscription"));
        type("#f-companyName", "Chaudronnerie Delta");
        type("#f-siret", "732 829 320 00074");
        new Select(BROWSER.find("#f-region")).selectByVisibleText("Normandie");
        type("#f-contactName", "Dominique Delta");
        type("#f-email", "dominique@delta.example.fr");
        type("#f-password", "Chaudron-Delta-2026");
        BROWSER.find("#f-consent").click();
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(text()).contains("Vérifiez votre messagerie");

        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        Matcher link = LINK.matcher(GreenMailUtil.getBody(SMTP.getReceivedMessages()[0]).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        BROWSER.open(PLATFORM.uri(link.group(1)));
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(text()).contains("Compte activé");

        login("dominique@delta.example.fr", "Chaudron-Delta-2026");
        BROWSER.open(PLATFORM.uri("/admin/entreprise/"));
        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("Nouveau site")));
        Map<String, String> site = CompanyFixtures.siteValues("Atelier Delta de Caen", "Caen", "Normandie");
        for (String field : SiteForm.FIELDS) {
            type("#f-" + field, site.get(field));
        }
        BROWSER.clickAndWait("main form button[type=submit]");
        assertThat(BROWSER.driver().getCurrentUrl()).endsWith("/fiche");
        String sheetUrl = BROWSER.driver().getCurrentUrl();
        String slug = sheetUrl.replaceAll(".*/sites/([^/]+)/fiche", "$1");
        type("#f-meetingPoint", "Accueil de l'atelier");
        new Select(BROWSER.find("#f-slot-0-day")).selectByValue("saturday");
        type("#f-slot-0-start", "10:00");
        type("#f-slot-0-end", "12:00");
        type("#f-slot-0-capacity", "18");
        BROWSER.find("#f-slot-0-audience-public").click();
        BROWSER.clickAndWait("form[action$='/fiche'] button[type=submit]");
        assertThat(text()).contains("Fiche enregistrée");
        BROWSER.clickAndWait("form[action$='/soumettre'] button");
        assertThat(text()).contains("En attente de validation");

        PLATFORM.platform().accounts().create("orga@delta-test.example.fr", "Organisateur", "Moderation-Delta-2026".toCharArray(),
                Set.of(Role.ADMIN), null);
        BROWSER.clickAndWait("form[action^='/admin/logout'] button");
        login("orga@delta-test.example.fr", "Moderation-Delta-2026");
        BROWSER.open(PLATFORM.uri("/admin/moderation/"));
        assertThat(text()).contains("Atelier Delta de Caen", "Accueil de l'atelier");
        BROWSER.clickAndWait("form[action$='/" + slug + "/approuver'] button");
        assertThat(text()).contains("Fiche publiée");

        BROWSER.open(PLATFORM.uri("/usines/" + slug));
        assertThat(text()).contains("Atelier Delta de Caen", "Accueil de l'atelier");

        Account other = CompanyAccessTestSupport.company(PLATFORM, "Epsilon Textile", "epsilon@textile.example.fr");
        CompanySession epsilon = new AccountCompanySession(PLATFORM.platform().repository(), other);
        String otherSite = new CompanySites(PLATFORM.platform().repository(), CompanyGrants.PLATFORM).create(epsilon,
                CompanyFixtures.site("Tissage Epsilon", "Roubaix", "Hauts-de-France"));
        EventSheets sheets = new EventSheets(PLATFORM.platform().repository(), CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        sheets.save(epsilon, otherSite, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), EventSheetsTest.PARIS, Lang.FR).form());
        BROWSER.open(PLATFORM.uri("/admin/"));
        BROWSER.clickAndWait("form[action^='/admin/logout'] button");
        login("dominique@delta.example.fr", "Chaudron-Delta-2026");
        for (String page : new String[] {"/fiche", "/inscriptions"}) {
            BROWSER.open(PLATFORM.uri("/admin/entreprise/sites/" + otherSite + page));
            assertThat(text()).contains("Page introuvable").doesNotContain("Tissage Epsilon");
        }
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
