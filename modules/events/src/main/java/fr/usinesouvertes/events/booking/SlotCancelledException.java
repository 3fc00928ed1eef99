package fr.usinesouvertes.events.booking;

/** The slot a booking names belongs to a cancelled visit (the slot, or its whole event sheet, was cancelled). */
public class SlotCancelledException extends RuntimeException {
    public SlotCancelledException(String slotId) {
        super("The time slot '" + slotId + "' is cancelled");
    }
}
