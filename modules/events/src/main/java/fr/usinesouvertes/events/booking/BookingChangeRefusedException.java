package fr.usinesouvertes.events.booking;

/**
 * A change of a registration that cannot be made as asked; thrown before the change wrote anything.
 *
 * @see SlotBooking#change
 */
public final class BookingChangeRefusedException extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The registration is cancelled. */
        CANCELLED,
        /** The slot asked for (the registration's own on an increase, the target on a move) has too few places left. */
        NOT_ENOUGH_PLACES
    }

    private final Reason reason;
    private final long placesLeft;

    public BookingChangeRefusedException(Reason reason, long placesLeft) {
        super(reason + (reason == Reason.NOT_ENOUGH_PLACES ? " (" + placesLeft + " left)" : ""));
        this.reason = reason;
        this.placesLeft = placesLeft;
    }

    public Reason reason() {
        return reason;
    }

    /** For {@link Reason#NOT_ENOUGH_PLACES}: the places still free on the slot concerned. */
    public long placesLeft() {
        return placesLeft;
    }
}
