package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import java.time.Duration;

/**
 * In real Chromium: an editor logs in, creates a press release in its content app, publishes it, and it
 * appears on the public site and in the Delivery API (it was hidden from both before); an editor schedules
 * an embargoed release, which stays hidden until the platform's (test) clock reaches its time.
 */
class PressReleaseBrowserTest {

    /** 10 February 2026, 10:00 in Paris: the day before the embargoed release's time. */
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"), ZoneId.of("Europe/Paris"));

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension
            .withLightModules(Path.of("src/test/resources/authoring-modules")).inMemory()
            .setting("login-rate-limit", "0").clock(CLOCK);

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void site() {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().repository().write(session -> {
            var page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/news-room");
            page.setProperty("title", "Salle de presse");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site", false);
        // the administrators let editors publish press releases without review (ReviewBrowserTest has the review)
        PLATFORM.platform().reviews().setDirectPublishing("setup", Set.of("news"));
    }

    @Test
    void anEditorCreatesAndPublishesAPressReleaseThatThenAppearsPubliclyAndInTheDeliveryApi() {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        BROWSER.find("#f-_name").sendKeys("usines-ouvertes-2026");
        BROWSER.find("#f-title").sendKeys("Plus de 400 usines ouvertes");
        BROWSER.find("#f-title_en").sendKeys("Over 400 open factories");
        BROWSER.setValue(BROWSER.find("#f-date"), "2026-02-11T09:00");
        BROWSER.driver().switchTo().frame(BROWSER.find("#f-body_ifr")); // the rich-text editor
        WebElement body = BROWSER.find("#tinymce");
        body.click();
        body.sendKeys("Les 20 et 21 mars 2026.");
        BROWSER.driver().switchTo().defaultContent();
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Enregistré.");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Non publié");

        assertThat(PLATFORM.get("/usines-ouvertes-2026").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/news/v1").body()).doesNotContain("Plus de 400 usines ouvertes");

        BROWSER.clickAndWait(".publishing button[value=publish]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Publié.");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("Publié");

        BROWSER.open(PLATFORM.uri("/usines-ouvertes-2026"));
        assertThat(BROWSER.find("h1").getText()).isEqualTo("Plus de 400 usines ouvertes");
        assertThat(BROWSER.find("article p").getText()).isEqualTo("Les 20 et 21 mars 2026.");
        assertThat(PLATFORM.get("/.rest/delivery/news/v1").body()).contains("Plus de 400 usines ouvertes");
        assertThat(PLATFORM.get("/.rest/delivery/news/v1?lang=en").body()).contains("Over 400 open factories");
    }

    @Test
    void anEditorSchedulesAnEmbargoedReleaseThatStaysHiddenUntilItsTime() throws InterruptedException {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        BROWSER.find("#f-_name").sendKeys("sous-embargo");
        BROWSER.find("#f-title").sendKeys("Communiqué sous embargo");
        BROWSER.setValue(BROWSER.find("#f-date"), "2026-02-11T09:00");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");

        BROWSER.setValue(BROWSER.find("#schedule-at"), "2026-02-11T09:00");
        BROWSER.clickAndWait(BROWSER.find("#schedule-at").findElement(By.xpath("./ancestor::form//button[@type='submit']")));
        assertThat(BROWSER.find(".scheduled").getText()).contains("2026-02-11");

        assertThat(PLATFORM.get("/sous-embargo").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/news/v1").body()).doesNotContain("Communiqué sous embargo");

        CLOCK.advance(Duration.ofHours(22)); // 11 February, 08:00 in Paris: still an hour to go
        // the scheduling job checks every second: give it time to (wrongly) act, the page staying hidden throughout
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get("/sous-embargo").statusCode() == 404);

        CLOCK.advance(Duration.ofHours(2)); // 10:00 in Paris: the embargo is over
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> PLATFORM.get("/sous-embargo").statusCode() == 200);
        assertThat(PLATFORM.get("/.rest/delivery/news/v1").body()).contains("Communiqué sous embargo");
    }

    /** The element once the page the last click led to shows it. */
    /** Date inputs take keyboard input in the browser's locale; setting the value is locale-proof. */
}
