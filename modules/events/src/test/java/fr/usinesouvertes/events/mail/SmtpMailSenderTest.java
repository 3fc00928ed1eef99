package fr.usinesouvertes.events.mail;
import fr.usinesouvertes.platform.mail.SmtpMailSender;
import fr.usinesouvertes.platform.mail.SmtpConfig;
import fr.usinesouvertes.platform.mail.MailException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import fr.usinesouvertes.events.i18n.Lang;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpMailSenderTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("jpo", "s3cret"));

    private static SmtpMailSender sender(String password) {
        return new SmtpMailSender(new SmtpConfig("127.0.0.1", GREEN_MAIL.getSmtp().getPort(), "jpo", password, false,
                "Journées Usines Ouvertes <ne-pas-repondre@journees-usines-ouvertes.fr>"), MailFixtures.CLOCK);
    }

    @Test
    void theConfirmationReachesTheSmtpServerWithItsCalendar() throws Exception {
        sender("s3cret").send(MailFixtures.composer().compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR)));

        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage message = received[0];
        assertThat(message.getSubject()).isEqualTo("Inscription confirmée : visite de Colas – vendredi 20 mars 2026");
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("nadia.benali@example.fr");
        assertThat(message.getFrom()[0].toString()).contains("ne-pas-repondre@journees-usines-ouvertes.fr");
        assertMessageParts(message);
    }

    @Test
    void aKeptConnectionCarriesManyMessagesAndIsReplacedWhenTheServerRestarts() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", "smtp");
        SmtpMailSender sender = new SmtpMailSender(new SmtpConfig("127.0.0.1", port, null, null, false,
                "ne-pas-repondre@journees-usines-ouvertes.fr"), MailFixtures.CLOCK);
        var mail = MailFixtures.composer().compose(MailFixtures.mail(MailKind.CONFIRMATION, Lang.FR));
        GreenMail server = new GreenMail(setup);
        server.start();
        try {
            for (int i = 0; i < 120; i++) { // beyond the messages allowed on one connection
                sender.send(mail);
            }
            assertThat(server.getReceivedMessages()).hasSize(120);
        } finally {
            server.stop(); // the kept connection dies with the server
        }
        server = new GreenMail(setup);
        server.start();
        try {
            sender.send(mail);
            assertThat(server.getReceivedMessages()).hasSize(1);
            assertMessageParts(server.getReceivedMessages()[0]);
        } finally {
            server.stop();
        }
    }

    @Test
    void aRefusedLoginIsAMailException() {
        assertThatThrownBy(() -> sender("wrong").send(MailFixtures.composer().compose(MailFixtures.mail(MailKind.CANCELLATION, Lang.FR))))
                .isInstanceOf(MailException.class).hasMessageContaining("refused");
    }

    /** multipart/mixed: [multipart/alternative: text/plain, text/html], text/calendar attachment. */
    static void assertMessageParts(Part message) throws Exception {
        assertThat(message.isMimeType("multipart/mixed")).isTrue();
        Multipart mixed = (Multipart) message.getContent();
        assertThat(mixed.getCount()).isEqualTo(2);
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat((String) alternative.getBodyPart(0).getContent()).contains("Le vendredi 20 mars 2026, de 9 h 30 à 11 h 00");
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        assertThat((String) alternative.getBodyPart(1).getContent()).contains("Nadia &lt;b&gt;Benali&lt;/b&gt;");
        Part calendar = mixed.getBodyPart(1);
        assertThat(calendar.getFileName()).isEqualTo("visite.ics");
        assertThat(calendar.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(calendar.isMimeType("text/calendar")).isTrue();
        assertThat(text(calendar)).contains("BEGIN:VCALENDAR", "METHOD:PUBLISH", "DTSTART;TZID=Europe/Paris:20260320T093000");
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        try (var in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
