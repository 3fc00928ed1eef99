package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail written whole when it is queued ({@link MailKind#PREPARED}): the organisers' words, in French, with a link
 * or two; what the entry's details hold, since nothing else is read when it is sent.
 *
 * @param to      the recipient's address
 * @param subject the subject line
 * @param text    the body, plain text (paragraphs separated by a blank line)
 * @param links   labelled links shown after the body, label then address
 */
public record PreparedMail(String to, String subject, String text, List<String> links) {

    public PreparedMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        links = List.copyOf(links);
        if (links.size() % 2 != 0) {
            throw new IllegalArgumentException("links come as label then address");
        }
    }

    /** The message, as plain text and HTML from the same blocks. */
    public OutgoingMail message() {
        MailBody body = new MailBody();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            body.lines(paragraph.lines().toArray(String[]::new));
        }
        for (int i = 0; i < links.size(); i += 2) {
            body.link(links.get(i), links.get(i + 1));
        }
        return new OutgoingMail(to, subject, body.text(), body.html("fr", subject), List.of());
    }

    /** As the queue entry's details. */
    public Map<String, String> toDetails() {
        return Map.of("to", to, "subject", subject, "text", text, "links", String.join("\n", links));
    }

    /** @throws IllegalArgumentException when the details are not a prepared message's (the entry can never be sent) */
    public static PreparedMail fromDetails(Map<String, String> details) {
        if (!details.containsKey("to") || !details.containsKey("subject") || !details.containsKey("text")) {
            throw new IllegalArgumentException("Not a prepared message: " + details.keySet());
        }
        String links = details.getOrDefault("links", "");
        return new PreparedMail(details.get("to"), details.get("subject"), details.get("text"),
                links.isEmpty() ? List.of() : List.of(links.split("\n", -1)));
    }
}
