package fr.usinesouvertes.events.company;

/** A step the current state forbids (e.g. editing a submitted sheet, a closed sign-up window), with a message for the user. */
public final class RefusedException extends RuntimeException {

    public RefusedException(String message) {
        super(message);
    }
}
