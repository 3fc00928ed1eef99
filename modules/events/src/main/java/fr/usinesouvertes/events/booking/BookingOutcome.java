package fr.usinesouvertes.events.booking;

/**
 * What happened to a booking request.
 *
 * @param registrationId identifier of the stored registration
 * @param position       1-based place on the waiting list, or {@code null} when confirmed
 */
public record BookingOutcome(Status status, String registrationId, Integer position) {

    /** Confirmed within capacity, or waiting for seats to free up. */
    public enum Status { CONFIRMED, WAITLISTED }
}
