package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * The ticket page in Chromium: the QR code image loads, the "Imprimer" button appears (its script runs under the
 * site's Content-Security-Policy), axe finds no violation on the ticket and on the refusal pages; screenshots of the
 * screen and of the print rendering go to {@code target/ticket-screen.png} and {@code target/ticket-print.png}.
 */
class TicketBrowserTest {

    private static final Pattern TICKET = Pattern.compile("https?://[^\\s\"<>]+(/billet/[A-Za-z0-9_.-]+)");

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("registration-rate-limit", "0")
            .modules(new EventsModule());

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @Test
    void theTicketShowsItsQrCodeAndPrintButtonAndIsAccessible() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");
        assertThat(PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "browser.family@example.fr", 4, "fr")).statusCode()).isEqualTo(201);
        List<MimeMessage> mails = Outbox.awaitMessagesTo(PLATFORM.dataFolder(), "browser.family@example.fr", 1);
        Matcher ticket = TICKET.matcher(Outbox.text(mails.get(0)));
        assertThat(ticket.find()).isTrue();

        BROWSER.driver().manage().window().setSize(new Dimension(1280, 1400));
        BROWSER.open(PLATFORM.uri(ticket.group(1)));
        assertThat(BROWSER.title()).startsWith("Billet – Fonderie d'essai");
        assertThat(BROWSER.find("#ticket-print").isDisplayed()).as("print button shown by its script").isTrue();
        Object loaded = BROWSER.driver().executeScript(
                "var img = document.querySelector('.ticket__qr img'); return img.complete && img.naturalWidth;");
        assertThat(((Number) loaded).intValue()).as("QR code image width").isGreaterThanOrEqualTo(240);
        assertThat(BROWSER.find(".ticket__persons").getText()).isEqualTo("4");
        BROWSER.assertAccessible();
        Files.write(Path.of("target/ticket-screen.png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));

        // as printed: the print stylesheet hides the button
        BROWSER.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(BROWSER.driver().findElement(By.id("ticket-print")).isDisplayed()).isFalse();
        Files.write(Path.of("target/ticket-print.png"), BROWSER.driver().getScreenshotAs(OutputType.BYTES));
        BROWSER.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        BROWSER.open(PLATFORM.uri("/billet/forged.token.value"));
        assertThat(BROWSER.title()).startsWith("Billet introuvable");
        BROWSER.assertAccessible();
    }
}
