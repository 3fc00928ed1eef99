package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registration e-mails leave through a durable queue: while the SMTP server is down the registration is
 * still acknowledged and its e-mail waits, is retried, and is delivered exactly once when the server
 * comes back.
 */
class RegistrationMailRetryTest {

    /** A port nothing listens on until the test starts GreenMail there. */
    static final int SMTP_PORT = freePort();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP_PORT))
            .setting("smtp-starttls", "false")
            .setting("mail-retry-delay", "1")
            .setting("mail-max-attempts", "4")
            .modules(new EventsModule());

    private static GreenMail smtp;

    static int freePortForTests() {
        return freePort();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void whileSmtpIsDownTheMailWaitsAndIsDeliveredOnceWhenItComesBack() throws Exception {
        MailQueue queue = new MailQueue(PLATFORM.platform().repository(), Clock.systemUTC());
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");

        HttpResponse<String> response = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "retry.visitor@example.fr", 2, "fr"));

        assertThat(response.statusCode()).isEqualTo(201);
        String id = RegistrationResourceTest.read(response).get("id").asText();
        List<QueuedMail> waiting = await(queue::pending, entries -> entries.stream()
                .anyMatch(mail -> mail.registrationId().equals(id) && mail.attempts() >= 1));
        QueuedMail entry = waiting.stream().filter(mail -> mail.registrationId().equals(id)).findFirst().orElseThrow();
        assertThat(entry.lastError()).contains("127.0.0.1:" + SMTP_PORT).doesNotContain("retry.visitor");
        assertThat(entry.attempts()).isLessThan(4);

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        await(queue::pending, List::isEmpty);
        // two more retry delays: nothing else may arrive
        org.awaitility.Awaitility.await().during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(10))
                .until(() -> smtp.getReceivedMessages().length == 1);
        assertThat(smtp.getReceivedMessages()[0].getAllRecipients()[0].toString()).isEqualTo("retry.visitor@example.fr");
        assertThat(smtp.getReceivedMessages()[0].getSubject()).startsWith("Inscription confirmée");
        assertThat(queue.failed()).isEmpty();
    }

    /** {@code value} once it meets {@code condition}, polled for up to 15 s. */
    static <T> T await(java.util.function.Supplier<T> value, Predicate<T> condition) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .pollInSameThread() // values are read on this thread's repository session
                .until(value::get, condition);
    }
}
