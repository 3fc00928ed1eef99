package fr.usinesouvertes.platform.security;

/** A refused account operation; {@link #field()} names the input at fault, for messages next to form fields. */
public final class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** {@code login}, {@code displayName}, {@code password}, {@code roles} or {@code company}. */
    public String field() {
        return field;
    }
}
