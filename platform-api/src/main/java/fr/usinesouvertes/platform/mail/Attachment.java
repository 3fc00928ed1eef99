package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Objects;

/**
 * A file attached to an e-mail, e.g. the visit's {@code .ics}; or, with a {@code contentId}, an image shown inside
 * the HTML part ({@code <img src="cid:ticket-qr">}), sent as an inline part of a {@code multipart/related} beside it.
 *
 * @param contentId the Content-ID an inline part is referred to by from the HTML ({@code cid:<contentId>}), without
 *                  angle brackets; {@code null} for an ordinary attachment
 */
@PluginApi
public record Attachment(String fileName, String contentType, byte[] content, String contentId) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
        if (contentId != null && !contentId.matches("[A-Za-z0-9._-]+(@[A-Za-z0-9.-]+)?")) {
            throw new IllegalArgumentException("A Content-ID holds letters, digits, '.', '_', '-' and one '@': " + contentId);
        }
    }

    /** An ordinary attachment. */
    public Attachment(String fileName, String contentType, byte[] content) {
        this(fileName, contentType, content, null);
    }

    /** An image shown in the HTML part as {@code cid:<contentId>}. */
    public static Attachment inline(String fileName, String contentType, byte[] content, String contentId) {
        return new Attachment(fileName, contentType, content, Objects.requireNonNull(contentId, "contentId"));
    }

    /** Whether the HTML part shows it (an inline part) rather than it being a file attached. */
    public boolean inline() {
        return contentId != null;
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
