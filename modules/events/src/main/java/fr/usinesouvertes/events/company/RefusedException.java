package fr.usinesouvertes.events.company;

/**
 * A step the current state forbids (e.g. editing a submitted sheet, a closed sign-up window), with a message for
 * the user and, when one field is the cause, its name.
 */
public final class RefusedException extends RuntimeException {

    private final String field;

    public RefusedException(String message) {
        this(null, message);
    }

    public RefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The form field at fault, or null. */
    public String field() {
        return field;
    }
}
