package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** With smtp-host set, the confirmation goes through a real SMTP server (GreenMail) with its calendar and signed link. */
class RegistrationSmtpTest {

    /** Started before the platform, whose settings need its port. */
    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees-usines-ouvertes.fr/")
            .modules(new EventsModule());


    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theConfirmationIsSentOverSmtpWithTheCalendarAndALinkToThePublicSite() throws Exception {
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");

        HttpResponse<String> response = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "smtp.visitor@example.fr", 3, "fr"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage message = SMTP.getReceivedMessages()[0];
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("smtp.visitor@example.fr");
        assertThat(message.getSubject()).startsWith("Inscription confirmée");
        assertThat(Outbox.calendar(message)).contains("BEGIN:VEVENT", "DTSTART;TZID=Europe/Paris:20260320T140000");
        Matcher link = Outbox.manageLink(message);
        assertThat(link.group(1)).startsWith("https://journees-usines-ouvertes.fr/inscription/gestion/");
        assertThat(PLATFORM.get(RegistrationResourceTest.API + "/" + link.group(2)).body()).contains("smtp.visitor@example.fr");
        assertThat(PLATFORM.dataFolder().resolve("outbox")).doesNotExist();
    }
}
