package fr.usinesouvertes.events.booking;

/** The slot a booking names does not exist (or is not a slot). */
public class SlotNotFoundException extends RuntimeException {
    public SlotNotFoundException(String slotId) {
        super("No time slot with id '" + slotId + "'");
    }
}
