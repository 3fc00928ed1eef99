package fr.usinesouvertes.events.booking;

import java.util.List;

/**
 * What became of a change of a registration ({@link SlotBooking#change}).
 *
 * @param changed  {@code false} when the values asked for were those already held: nothing was written
 * @param status   the registration's status now
 * @param slotId   the slot it is on now
 * @param position 1-based place on the waiting list when waitlisted, else {@code null}
 * @param promoted other registrations confirmed from the waiting list by the places this change freed
 */
public record BookingChange(boolean changed, RegistrationStatus status, String slotId, Integer position,
                            List<String> promoted) {

    public BookingChange {
        promoted = List.copyOf(promoted);
    }
}
