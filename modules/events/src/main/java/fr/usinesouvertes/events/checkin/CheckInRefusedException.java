package fr.usinesouvertes.events.checkin;

/** A check-in request that cannot be applied: answered 400 naming the field and the reason, nothing written. */
public final class CheckInRefusedException extends RuntimeException {

    private final String field;

    public CheckInRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
