package fr.usinesouvertes.events.booking;

/** A booking kept conflicting with concurrent ones and gave up; the caller may answer 503 and retry later. */
public class BookingContentionException extends RuntimeException {
    public BookingContentionException(String slotId, int attempts) {
        super("Slot '" + slotId + "' is too busy: booking still conflicted after " + attempts + " attempts");
    }
}
