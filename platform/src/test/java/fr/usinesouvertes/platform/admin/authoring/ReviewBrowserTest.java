package fr.usinesouvertes.platform.admin.authoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * In real Chromium, review before publishing: an editor writes a press release and, not allowed to publish it,
 * submits it for review with a comment and a wished time; a publisher finds it on the dashboard and in the queue,
 * compares it with what is public (field labels, rich text rendered) and schedules it; it stays hidden until the
 * platform's (test) clock reaches its time, then appears with its image from the media library, its link to a page and
 * its table. Screenshots go to {@code target/screenshots/review-*.png}.
 */
class ReviewBrowserTest {

    /** 10 February 2026, 10:00 in Paris. */
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
    static void site() throws IOException {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().accounts().create("publieur@example.fr", "Paul", PASSWORD.toCharArray(),
                Set.of(Role.PUBLISHER), null);
        byte[] photo = RichTextBrowserTest.photo();
        PLATFORM.platform().repository().write(session -> {
            var page = session.getNode("/website").addNode("site", "mgnl:page");
            page.setProperty("mgnl:template", "authoring-test:pages/news-room");
            page.setProperty("title", "Salle de presse");
            var factories = page.addNode("usines", "mgnl:page");
            factories.setProperty("mgnl:template", "authoring-test:pages/standard");
            factories.setProperty("title", "Les usines");
            var asset = session.getNode("/dam").addNode("atelier", "mgnl:asset");
            asset.setProperty("title", "Atelier de Santes");
            var resource = asset.addNode("jcr:content", "mgnl:resource");
            resource.setProperty("jcr:data", session.getValueFactory().createBinary(new java.io.ByteArrayInputStream(photo)));
            resource.setProperty("jcr:mimeType", "image/png");
            resource.setProperty("fileName", "atelier.png");
            return null;
        });
        PLATFORM.platform().publishing().publish("setup", "website", "/site", true);
        PLATFORM.platform().publishing().publish("setup", "dam", "/atelier", false);
    }

    @Test
    void anEditorSubmitsAReleaseAPublisherComparesAndSchedulesItAndItAppearsAtItsTime() throws IOException {
        BROWSER.logIn(PLATFORM, "editrice@example.fr", PASSWORD);
        BROWSER.open(PLATFORM.uri("/admin/content/news/new"));
        BROWSER.find("#f-_name").sendKeys("journees-2026");
        BROWSER.find("#f-title").sendKeys("Les Journées 2026 sont lancées");
        BROWSER.find("#f-title_en").sendKeys("The 2026 Days are on");
        BROWSER.setValue(BROWSER.find("#f-date"), "2026-02-12T09:00");
        BROWSER.find("#f-body_ifr"); // the rich-text editor is ready: give it the text as an editor's formatting would
        String image = PLATFORM.platform().repository().read(session -> "/dam/jcr:"
                + session.getNode("/dam/atelier").getIdentifier() + "/atelier.png");
        BROWSER.driver().executeScript("tinymce.get('f-body').setContent(arguments[0]);",
                "<p>Plus de <strong>400 usines</strong> ouvrent leurs portes : voir <a href=\"/usines\">la page des usines</a>.</p>"
                        + "<p><img src=\"" + image + "\" alt=\"L'atelier de Santes\"></p>"
                        + "<table><thead><tr><th scope=\"col\">Jour</th><th scope=\"col\">Usines</th></tr></thead>"
                        + "<tbody><tr><td>Vendredi</td><td>400</td></tr></tbody></table>");
        BROWSER.clickAndWait("form.generated-form button[type=submit]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Enregistré.");

        assertThat(BROWSER.driver().findElements(By.cssSelector(".publishing button[value=publish]"))).isEmpty();
        assertThat(BROWSER.find(".review-submit button").getText()).isEqualTo("Soumettre pour relecture");
        BROWSER.find("#review-comment").sendKeys("Communiqué de lancement, à publier jeudi matin.");
        BROWSER.setValue(BROWSER.find("#review-wished-at"), "2026-02-12T09:00");
        BROWSER.screenshot("review-1-editor-submits");
        BROWSER.assertAccessible();
        BROWSER.clickAndWait(".review-submit button");
        assertThat(BROWSER.waitFor(".flash").getText()).startsWith("Soumis pour relecture");
        assertThat(BROWSER.find(".badge").getText()).isEqualTo("En relecture");
        assertThat(BROWSER.find(".review-pending").getText()).contains("Communiqué de lancement");
        BROWSER.screenshot("review-2-editor-submitted");
        assertThat(PLATFORM.get("/journees-2026").statusCode()).isEqualTo(404);

        BROWSER.logIn(PLATFORM, "publieur@example.fr", PASSWORD);
        assertThat(BROWSER.find(".reviews-waiting").getText()).isEqualTo("1 demande de relecture en attente");
        BROWSER.clickAndWait(".reviews-waiting a");
        assertThat(BROWSER.title()).startsWith("Relectures");
        assertThat(BROWSER.find("table.reviews tbody").getText()).contains("Les Journées 2026 sont lancées")
                .contains("Élise").contains("Communiqué de lancement").contains("12/02/2026 09:00");
        BROWSER.screenshot("review-3-queue");
        BROWSER.assertAccessible();

        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("Les Journées 2026 sont lancées")));
        WebElement changes = BROWSER.find(".review-changes");
        assertThat(BROWSER.find(".review-summary").getText()).contains("Actualités · /journees-2026");
        // in the form's order, the English value right after the French one
        assertThat(changes.findElements(By.cssSelector("tbody th")).stream().map(WebElement::getText))
                .containsSubsequence("title", "title (anglais)", "date", "body");
        WebElement body = changes.findElements(By.cssSelector("tbody tr")).stream()
                .filter(row -> row.findElement(By.cssSelector("th")).getText().equals("body")).findFirst().orElseThrow();
        assertThat(body.findElement(By.cssSelector("td.rich strong")).getText()).isEqualTo("400 usines");
        assertThat(body.getText()).doesNotContain("<p>");
        assertThat(BROWSER.find("a[href^='/admin/content/news/preview?path=']").getText()).isEqualTo("Aperçu du brouillon");
        assertThat(BROWSER.find("#approve-at").getAttribute("value")).isEqualTo("2026-02-12T09:00"); // the wished time
        BROWSER.screenshot("review-4-compare");
        BROWSER.assertAccessible();
        BROWSER.driver().executeScript("document.querySelector('.review-decisions').scrollIntoView();");
        BROWSER.screenshot("review-4b-decisions");

        BROWSER.find("#when-schedule").click();
        BROWSER.find("#approve-comment").sendKeys("Relu, programmé pour jeudi.");
        BROWSER.clickAndWait(".review-decisions form[action^='/admin/reviews/approve'] button[type=submit]");
        assertThat(BROWSER.waitFor(".flash").getText()).isEqualTo("Approuvé ; publication programmée.");
        assertThat(BROWSER.find(".review-summary").getText()).contains("Approuvée, programmée")
                .contains("12/02/2026 09:00").contains("Relu, programmé pour jeudi.");
        BROWSER.screenshot("review-5-scheduled");

        BROWSER.open(PLATFORM.uri("/admin/reviews/?tab=done"));
        assertThat(BROWSER.find("table.reviews tbody").getText()).contains("Approuvée, programmée").contains("Paul");
        BROWSER.screenshot("review-6-done");
        BROWSER.assertAccessible();

        assertThat(PLATFORM.get("/journees-2026").statusCode()).isEqualTo(404);
        CLOCK.advance(Duration.ofHours(46)); // 12 February, 08:00 in Paris: an hour to go
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> PLATFORM.get("/journees-2026").statusCode() == 404);
        CLOCK.advance(Duration.ofHours(1)); // 09:00: its time
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> PLATFORM.get("/journees-2026").statusCode() == 200);
        BROWSER.open(PLATFORM.uri("/journees-2026"));
        assertThat(BROWSER.find("h1").getText()).isEqualTo("Les Journées 2026 sont lancées");
        // with its image (loaded from the media library), its link to the page and its table
        BROWSER.waitFor("article img");
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) BROWSER.driver().executeScript(
                "var i = document.querySelector('article img'); return i.complete && i.naturalWidth === 320;"));
        assertThat(BROWSER.find("article img").getAttribute("alt")).isEqualTo("L'atelier de Santes");
        assertThat(BROWSER.find("article a").getAttribute("href")).isEqualTo(PLATFORM.uri("/usines").toString());
        assertThat(BROWSER.find("article table tbody").getText()).contains("Vendredi", "400");
        BROWSER.screenshot("review-7-published");
    }
}
