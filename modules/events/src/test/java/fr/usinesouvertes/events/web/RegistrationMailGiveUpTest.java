package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An e-mail the SMTP server never takes is given up after the configured attempts and kept aside for the organisers. */
class RegistrationMailGiveUpTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(RegistrationMailRetryTest.freePortForTests()))
            .setting("smtp-starttls", "false")
            .setting("mail-retry-delay", "1")
            .setting("mail-max-attempts", "2")
            .modules(new EventsModule());

    @Test
    void afterTheLastAttemptTheMailIsMarkedFailedAndLeavesThePendingQueue() throws Exception {
        MailQueue queue = new MailQueue(PLATFORM.platform().repository(), Clock.systemUTC());
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");

        HttpResponse<String> response = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "never.delivered@example.fr", 1, "en"));

        assertThat(response.statusCode()).isEqualTo(201);
        String id = RegistrationResourceTest.read(response).get("id").asText();
        List<QueuedMail> failed = RegistrationMailRetryTest.await(queue::failed, entries -> !entries.isEmpty());
        assertThat(failed).singleElement().satisfies(mail -> {
            assertThat(mail.registrationId()).isEqualTo(id);
            assertThat(mail.kind()).isEqualTo(MailKind.CONFIRMATION);
            assertThat(mail.attempts()).isEqualTo(2);
            assertThat(mail.lastError()).contains("SMTP server 127.0.0.1");
        });
        assertThat(queue.pending()).isEmpty();
        assertThat(EventSheetFixtures.registrations(PLATFORM.platform().repository(), slot)).singleElement()
                .extracting(EventSheetFixtures.Stored::status).isEqualTo("confirmed"); // the booking stands
    }
}
