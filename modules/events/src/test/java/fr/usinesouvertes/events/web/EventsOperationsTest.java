package fr.usinesouvertes.events.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The events module's readiness check and meters on a running platform (Oak, HTTP): a registration is counted in
 * {@code /.metrics}; while the SMTP server refuses every connection the queue is stuck and {@code /.health/ready}
 * answers 503 with {@code events.mail-queue} down, back to 200 once the server is there and the queue drains.
 */
class EventsOperationsTest {

    private static final String TOKEN = "events-operations-scraper-token-0123456789";
    /** A port nothing listens on until the test starts GreenMail there: connections are refused. */
    private static final int SMTP_PORT = RegistrationMailRetryTest.freePortForTests();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-02-10T10:00:00+01:00")
            .setting("metrics-token", TOKEN)
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP_PORT))
            .setting("smtp-starttls", "false")
            .setting("mail-retry-delay", "1")
            .setting("mail-max-attempts", "50")
            .setting("mail-queue-stuck-after", "2")
            .modules(new EventsModule());

    private static final ObjectMapper JSON = new ObjectMapper();
    private static GreenMail smtp;

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    @Test
    void aRegistrationIsCountedAndAStuckMailQueueTurnsTheNodeNotReadyUntilItDrains() throws Exception {
        assertThat(mailQueueCheck(ready()).get("status").asText()).isEqualTo("UP");
        String slot = EventSheetFixtures.slot(PLATFORM.platform().repository(), 20, 6, "public");

        HttpResponse<String> response = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "ops.visitor@example.fr", 2, "fr"));
        HttpResponse<String> invalid = PLATFORM.post(RegistrationResourceTest.API, "application/json",
                RegistrationResourceTest.publicBody(slot, "not an address", 2, "fr"));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(invalid.statusCode()).isEqualTo(400);
        String metrics = metrics();
        assertThat(metrics).contains("events_registrations_total{audience=\"public\",outcome=\"confirmed\"} 1.0",
                "events_registrations_total{audience=\"public\",outcome=\"invalid\"} 1.0");
        assertThat(metrics).containsPattern("events_mail_queue\\{state=\"pending\"} \\d")
                .containsPattern("events_mail_queue\\{state=\"failed\"} 0.0");
        assertThat(metrics).as("no e-mail address nor slot id in a tag").doesNotContain("ops.visitor", slot);

        // the SMTP server refuses every attempt: after the threshold (2 s) the queue is stuck
        // (another check may be down a moment too, e.g. the search index rebuilding after the registration)
        HttpResponse<String> stuck = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(EventsOperationsTest::ready, answer -> answer.statusCode() == 503
                        && "DOWN".equals(mailQueueStatus(answer)));
        JsonNode check = mailQueueCheck(stuck);
        assertThat(check.get("status").asText()).isEqualTo("DOWN");
        assertThat(check.get("detail").asText()).contains("no e-mail sent for").doesNotContain("127.0.0.1");
        assertThat(metrics()).containsPattern("events_mail_failed_total\\{kind=\"confirmation\",permanent=\"false\"} [1-9]");

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        assertThat(smtp.waitForIncomingEmail(30_000, 1)).isTrue();
        HttpResponse<String> drained = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(EventsOperationsTest::ready, answer -> answer.statusCode() == 200);
        assertThat(mailQueueCheck(drained).get("status").asText()).isEqualTo("UP");
        assertThat(metrics()).contains("events_mail_sent_total{kind=\"confirmation\"} 1.0");
    }

    private static HttpResponse<String> ready() {
        return PLATFORM.get("/.health/ready");
    }

    private static String metrics() {
        HttpResponse<String> response = PLATFORM.get("/.metrics", "Authorization", "Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static String mailQueueStatus(HttpResponse<String> ready) {
        try {
            return mailQueueCheck(ready).get("status").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode mailQueueCheck(HttpResponse<String> ready) throws Exception {
        for (JsonNode check : JSON.readTree(ready.body()).get("checks")) {
            if (check.get("name").asText().equals("events.mail-queue")) {
                return check;
            }
        }
        throw new AssertionError("no events.mail-queue check in " + ready.body());
    }
}
