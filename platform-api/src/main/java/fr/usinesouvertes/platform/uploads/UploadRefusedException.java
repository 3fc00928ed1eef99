package fr.usinesouvertes.platform.uploads;

import fr.usinesouvertes.platform.annotation.PluginApi;
/**
 * An uploaded file refused by a check of this package, with the reason in French ({@link #getMessage()}) and
 * in English ({@link #messageEn()}); each caller wraps it in its own error (a 400 naming the field).
 */
@PluginApi
public final class UploadRefusedException extends RuntimeException {

    private final String messageEn;

    public UploadRefusedException(String messageFr, String messageEn) {
        super(messageFr);
        this.messageEn = messageEn;
    }

    public String messageFr() {
        return getMessage();
    }

    public String messageEn() {
        return messageEn;
    }
}
