package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.List;
import java.util.Objects;

/**
 * An e-mail ready to send: one recipient, a subject, the same message as plain text and as HTML, and
 * attachments. The sender address is the sender's business (a setting).
 */
@PluginApi
public record OutgoingMail(String to, String subject, String text, String html, List<Attachment> attachments) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
        attachments = List.copyOf(attachments);
    }
}
