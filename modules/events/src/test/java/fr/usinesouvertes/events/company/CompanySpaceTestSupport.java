package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reading the e-mails the company space sends, from the GreenMail server of {@link fr.usinesouvertes.platform.testing.LocalSmtp}. */
final class CompanySpaceTestSupport {

    private CompanySpaceTestSupport() {
    }

    /** The e-mails GreenMail received for addresses of {@code domain}, waiting up to 10 s for {@code count} of them. */
    static List<MimeMessage> awaitMails(GreenMail smtp, String domain, int count) throws Exception {
        List<MimeMessage> found = await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(smtp, domain), mails -> mails.size() >= count);
        assertThat(found).hasSize(count);
        return found;
    }

    static List<MimeMessage> mailsTo(GreenMail smtp, String domain) throws Exception {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().endsWith("@" + domain))) {
                found.add(message);
            }
        }
        return found;
    }

    /** The one of {@code mails} sent to {@code address}. */
    static MimeMessage to(List<MimeMessage> mails, String address) throws Exception {
        for (MimeMessage mail : mails) {
            if (mail.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                return mail;
            }
        }
        throw new AssertionError("No e-mail to " + address);
    }

    /** Every text part of a message, decoded. */
    static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof jakarta.mail.Multipart multipart) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                all.append(text(multipart.getBodyPart(i).getContent())).append('\n');
            }
            return all.toString();
        }
        if (content instanceof java.io.InputStream in) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }
}
