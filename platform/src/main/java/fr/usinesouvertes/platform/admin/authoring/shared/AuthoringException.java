package fr.usinesouvertes.platform.admin.authoring.shared;

/**
 * An authoring request that cannot be done as asked (a name already taken, a template not allowed
 * here, an unknown page...): shown to the editor in French (and English), nothing was changed.
 */
public final class AuthoringException extends RuntimeException {

    private final int status;
    private final String messageEn;

    public AuthoringException(int status, String messageFr, String messageEn) {
        super(messageFr);
        this.status = status;
        this.messageEn = messageEn;
    }

    public static AuthoringException notFound(String fr, String en) {
        return new AuthoringException(404, fr, en);
    }

    public static AuthoringException invalid(String fr, String en) {
        return new AuthoringException(400, fr, en);
    }

    public int status() {
        return status;
    }

    public String message(String lang) {
        return "en".equals(lang) ? messageEn : getMessage();
    }
}
