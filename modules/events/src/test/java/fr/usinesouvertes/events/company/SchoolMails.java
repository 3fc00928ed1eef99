package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the schools outreach's e-mails received by GreenMail: by recipient, as text, the proposal's link. */
final class SchoolMails {

    private static final Pattern LINK = Pattern.compile("https://journees\\.example\\.fr(/ecoles/proposition/[A-Za-z0-9._~-]+)");

    private SchoolMails() {
    }

    static List<String> recipients(GreenMail smtp) {
        return Arrays.stream(smtp.getReceivedMessages()).map(SchoolMails::recipient).toList();
    }

    static List<MimeMessage> to(GreenMail smtp, String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    /** The path of the proposal link in the first e-mail to {@code address} (the public URL is https://journees.example.fr). */
    static String link(GreenMail smtp, String address) throws Exception {
        Matcher matcher = LINK.matcher(text(to(smtp, address).get(0)));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    /** The message's body with quoted-printable soft breaks and escapes undone. */
    static String text(MimeMessage message) throws Exception {
        String body = GreenMailUtil.getBody(message);
        try (InputStream in = jakarta.mail.internet.MimeUtility.decode(
                new java.io.ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), "quoted-printable")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
