package fr.usinesouvertes.platform.security;

/**
 * A refused account operation; {@link #field()} names the input at fault, for messages next to form fields. The
 * message is French; {@link #message(String)} gives the English one too when there is one.
 */
public final class AccountException extends RuntimeException {

    private final String field;
    private final String messageEn;

    public AccountException(String field, String message) {
        this(field, message, null);
    }

    public AccountException(String field, String message, String messageEn) {
        super(message);
        this.field = field;
        this.messageEn = messageEn;
    }

    /** {@code login}, {@code displayName}, {@code password}, {@code roles} or {@code company}. */
    public String field() {
        return field;
    }

    /** The message in the back office's language ({@code en}: English when known, else French). */
    public String message(String lang) {
        return "en".equals(lang) && messageEn != null ? messageEn : getMessage();
    }
}
