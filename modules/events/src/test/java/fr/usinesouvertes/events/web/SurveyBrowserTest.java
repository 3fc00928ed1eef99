package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;

/**
 * The after-visit survey in Chromium: the e-mail of the day after leads to the page, which axe finds accessible empty,
 * with its refused fields named, and answered; a screenshot goes to {@code target/survey.png}.
 */
class SurveyBrowserTest {

    private static final Pattern SURVEY = Pattern.compile("https?://[^\\s\"<>]+(/enquete/[A-Za-z0-9_.-]+)");
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .clock(CLOCK)
            .setting("registration-rate-limit", "0")
            .setting("reminder-days", "none")
            .setting("reminder-interval", "1")
            .setting("cluster-job-lease", "3")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @Test
    void theSurveyIsAnsweredInTheBrowserAndIsAccessible() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");
        assertThat(PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "survey.family@example.fr", 3, "fr")).statusCode()).isEqualTo(201);
        Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "survey.family@example.fr", 1);
        CLOCK.set(Instant.parse("2026-03-21T09:00:00Z")); // the day after the visit
        List<MimeMessage> mails = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "survey.family@example.fr", 2);
        Matcher link = null;
        for (MimeMessage mail : mails) {
            Matcher found = SURVEY.matcher(Outbox.text(mail));
            link = found.find() ? found : link;
        }
        assertThat(link).as("the survey's e-mail").isNotNull();

        BROWSER.open(PLATFORM.uri(link.group(1)));
        assertThat(BROWSER.title()).startsWith("Votre avis sur la visite");
        BROWSER.assertAccessible();

        BROWSER.find(".survey-form button[type=submit]").click(); // nothing chosen
        assertThat(BROWSER.find(".form-errors").getText()).contains("Choisissez une note de 1 à 5.");
        assertThat(BROWSER.driver().findElement(By.cssSelector("input[name=rating]")).getAttribute("aria-invalid"))
                .isEqualTo("true");
        BROWSER.assertAccessible();

        BROWSER.driver().findElement(By.cssSelector("input[name=rating][value='5']")).click();
        BROWSER.driver().findElement(By.cssSelector("input[name=recommend][value=yes]")).click();
        BROWSER.driver().findElement(By.cssSelector("input[name=interests][value=innovation]")).click();
        BROWSER.find("#f-comment").sendKeys("Très belle visite");
        BROWSER.find(".survey-form button[type=submit]").click();
        assertThat(BROWSER.find("[role=status]").getText()).isEqualTo("Merci pour vos réponses !");
        assertThat(BROWSER.driver().findElement(By.cssSelector("input[name=rating][value='5']")).isSelected()).isTrue();
        BROWSER.assertAccessible();
        Files.write(Path.of("target/survey.png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
    }
}
