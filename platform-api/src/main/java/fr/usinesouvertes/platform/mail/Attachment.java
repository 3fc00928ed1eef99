package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Objects;

/** A file attached to an e-mail, e.g. the visit's {@code .ics}. */
@PluginApi
public record Attachment(String fileName, String contentType, byte[] content) {

    public Attachment {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    @Override
    public byte[] content() {
        return content.clone();
    }
}
