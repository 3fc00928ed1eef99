package fr.usinesouvertes.platform.mail;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * Turns an {@link OutgoingMail} into a MIME message: {@code multipart/mixed} holding a
 * {@code multipart/alternative} (plain text, then HTML) and the attachments, all in UTF-8.
 */
final class MimeMessages {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail 2.1 looks its StreamProvider up through ServiceLoader for every body part and
        // multipart it creates, scanning the class path each time: that was the costliest step of writing
        // an e-mail. Naming the implementation (Angus Mail's, the one on our class path) makes it a plain
        // instantiation. A value set by whoever runs the platform wins.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private MimeMessages() {
    }

    /**
     * Session properties naming the sender, from which Message-IDs take their domain; without it, Angus
     * Mail looks the local host name up in DNS for every message, which can take seconds.
     */
    static Properties sessionProperties(InternetAddress from) {
        Properties properties = new Properties();
        properties.put("mail.from", from.getAddress());
        return properties;
    }

    static MimeMessage build(Session session, InternetAddress from, OutgoingMail mail, Instant sentAt) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(sentAt));

            MimeMultipart alternative = new MimeMultipart("alternative");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
            // Named, so that saving the message does not scan each body to choose: French text is mostly ASCII.
            text.setHeader("Content-Transfer-Encoding", "quoted-printable");
            html.setHeader("Content-Transfer-Encoding", "quoted-printable");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);

            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            List<Attachment> inline = mail.attachments().stream().filter(Attachment::inline).toList();
            if (inline.isEmpty()) {
                body.setContent(alternative);
            } else {
                // multipart/related: the alternative, then the images its HTML shows by Content-ID (RFC 2387)
                MimeMultipart related = new MimeMultipart("related");
                MimeBodyPart alternatives = new MimeBodyPart();
                alternatives.setContent(alternative);
                related.addBodyPart(alternatives);
                for (Attachment image : inline) {
                    MimeBodyPart part = new MimeBodyPart();
                    part.setDataHandler(new DataHandler(new ByteArrayDataSource(image.content(), image.contentType())));
                    part.setContentID("<" + image.contentId() + ">");
                    part.setDisposition(MimeBodyPart.INLINE);
                    part.setFileName(image.fileName());
                    part.setHeader("Content-Transfer-Encoding", "base64");
                    related.addBodyPart(part);
                }
                body.setContent(related);
            }
            mixed.addBodyPart(body);
            for (Attachment attachment : mail.attachments()) {
                if (attachment.inline()) {
                    continue;
                }
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(attachment.content(), attachment.contentType())));
                part.setFileName(attachment.fileName());
                part.setDisposition(MimeBodyPart.ATTACHMENT);
                // Base64, not the quoted-printable Angus picks for text: encoding a calendar's long
                // VTIMEZONE byte by byte was the costliest step of a registration.
                part.setHeader("Content-Transfer-Encoding", "base64");
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MailException("Cannot build the message to " + mail.to() + ": " + e.getMessage(), e);
        }
    }
}
