package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In real Chromium at a phone's width: a company checks in a family by the photo of its ticket's QR code, then, with
 * the network gone, checks in
 * another family, marks a third absent and adds a walk-in; the page reloads offline from its service worker with those
 * check-ins kept on the phone; back online they are sent, and the server counts each once.
 */
class CheckInBrowserTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .setting("login-rate-limit", "0")
            .setting("registration-link-secret", "0123456789abcdef0123456789abcdef0123456789abcdef")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static CancellationFixtures.PublishedSheet sheet;
    static String saturday;

    @BeforeAll
    static void registrations() {
        sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha", "alpha@fonderie.example.fr",
                "Fonderie Alpha de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        saturday = new SlotDirectory(PLATFORM.platform().repository(), 6, ZoneId.of("Europe/Paris"))
                .find(sheet.saturdaySlot()).orElseThrow().visit().start().toLocalDate().toString();
    }

    @Test
    void checkInsMadeOfflineAreKeptAndSentOnceWhenTheNetworkIsBack() throws Exception {
        BROWSER.driver().manage().window().setSize(new Dimension(390, 844));
        BROWSER.open(PLATFORM.uri("/admin/login"));
        BROWSER.find("#login").sendKeys("alpha@fonderie.example.fr");
        BROWSER.find("#password").sendKeys(CompanyAccessTestSupport.PASSWORD);
        BROWSER.clickAndWait("button[type=submit]");
        BROWSER.open(PLATFORM.uri("/admin/pointage/?jour=" + saturday));
        waitFor(d -> d.findElements(By.cssSelector(".checkin-booking")).size() == 4);
        waitFor(d -> Boolean.TRUE.equals(BROWSER.driver().executeAsyncScript(
                "var done = arguments[0]; navigator.serviceWorker.ready.then(function () { done(true); });")));

        // the Martin family shows its ticket: the phone's photo of its QR code checks it in with the persons booked
        Path photo = Files.createTempFile("ticket", ".png");
        Files.write(photo, fr.usinesouvertes.events.ticket.QrCodes.png(ticketAddress("Famille Martin"), 400));
        BROWSER.find("#checkin-scan").sendKeys(photo.toString());
        waitFor(d -> status().contains("Billet de Famille Martin : présent (6)"));
        waitFor(d -> status().contains("Tout est envoyé"));

        offline(true);
        waitFor(d -> status().contains("Hors ligne"));
        WebElement persons = BROWSER.find("input[aria-label='Personnes présentes — Smith family']");
        persons.clear();
        persons.sendKeys("5");
        click("Présent — Smith family");
        click("Absent — Famille Nguyen");
        WebElement walkIn = BROWSER.find(".checkin-walkin-form input");
        walkIn.clear();
        walkIn.sendKeys("2");
        BROWSER.find(".checkin-add-walkin").click();
        waitFor(d -> status().contains("3 pointage(s) en attente"));
        assertThat(server().get("presentPersons").asLong()).as("nothing sent while offline").isEqualTo(6);

        BROWSER.driver().navigate().refresh(); // offline: the service worker's page, the phone's list and queue
        waitFor(d -> d.findElements(By.cssSelector(".checkin-booking")).size() == 4);
        assertThat(states()).containsExactly("présent (6)", "présent (5)", "absent", "attendu");
        assertThat(status()).contains("Hors ligne").contains("3 pointage(s) en attente");
        screenshot("checkin-offline.png");

        offline(false);
        waitFor(d -> status().contains("Tout est envoyé"));
        JsonNode slot = server();
        assertThat(slot.get("bookings")).extracting(b -> b.get("state").asText() + "/" + b.get("present").asLong())
                .containsExactly("present/6", "present/5", "absent/0", "expected/0");
        assertThat(slot.get("walkIns")).hasSize(1);
        assertThat(slot.get("presentPersons").asLong()).isEqualTo(13);
        BROWSER.assertAccessible();
        screenshot("checkin-online.png");

        // the organisers' figures count them once: 6 + 5 present and 2 walk-ins, the Nguyen family's 6 as no-shows
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", "correct horse battery".toCharArray(),
                java.util.Set.of(fr.usinesouvertes.platform.security.Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("organisation@example.fr", "correct horse battery");
        org.jsoup.nodes.Document figures = org.jsoup.Jsoup.parse(organiser.get("/admin/chiffres/?edition=2026").body());
        org.jsoup.nodes.Element total = figures.selectFirst("table.admin-table");
        assertThat(total.select("tr:has(th:containsOwn(Personnes présentes)) td").first().text()).isEqualTo("13");
        assertThat(total.select("tr:has(th:containsOwn(Absents)) td").first().text()).isEqualTo("6");
        assertThat(total.select("tr:has(th:containsOwn(Venus sans réservation)) td").first().text()).isEqualTo("2");
        assertThat(figures.select("caption:containsOwn(Par site)")).hasSize(1);
    }

    /** The address a booking's ticket prints in its QR code, signed as the platform signs it. */
    private static String ticketAddress(String label) throws Exception {
        String id = null;
        for (JsonNode booking : server().get("bookings")) {
            if (booking.get("label").asText().equals(label)) {
                id = booking.get("id").asText();
            }
        }
        var config = fr.usinesouvertes.events.config.EventsConfig.from(PLATFORM.platform().settings());
        var visit = new SlotDirectory(PLATFORM.platform().repository(), 6, ZoneId.of("Europe/Paris"))
                .find(sheet.saturdaySlot()).orElseThrow().visit();
        return new fr.usinesouvertes.events.ticket.TicketLinks(fr.usinesouvertes.events.registration.RegistrationLinks
                .forTickets(config, PLATFORM.platform().clock())).url("https://journees.example.fr", id,
                visit.end().toInstant());
    }

    private static void click(String label) {
        BROWSER.find("button[aria-label='" + label + "']").click();
    }

    private static String status() {
        return BROWSER.find("#checkin-status").getText();
    }

    private static List<String> states() {
        return BROWSER.driver().findElements(By.cssSelector(".checkin-state")).stream().map(WebElement::getText).toList();
    }

    private static void offline(boolean offline) {
        ChromiumNetworkConditions conditions = new ChromiumNetworkConditions();
        conditions.setOffline(offline);
        BROWSER.driver().setNetworkConditions(conditions);
    }

    /** The slot as the server has it, read over the same session from the test (not the browser). */
    private static JsonNode server() throws Exception {
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        return JsonMapper.mapper().readTree(company.get("/admin/pointage/jour.json?jour=" + saturday).body())
                .at("/slots/0");
    }

    private static void waitFor(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        new WebDriverWait(BROWSER.driver(), Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(condition);
    }

    private static void screenshot(String name) throws java.io.IOException {
        BROWSER.driver().executeScript("window.scrollTo(0, 0);");
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
    }
}
