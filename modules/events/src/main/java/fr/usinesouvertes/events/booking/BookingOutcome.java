package fr.usinesouvertes.events.booking;

/**
 * What happened to a booking request.
 *
 * @param registrationId identifier of the stored registration
 * @param position       1-based place on the waiting list, or {@code null} when confirmed
 * @param repeated       {@code true} when the same submission had already been booked: nothing new was stored
 */
public record BookingOutcome(RegistrationStatus status, String registrationId, Integer position, boolean repeated) {

    /** @param status {@link RegistrationStatus#CONFIRMED} within capacity, or {@link RegistrationStatus#WAITLISTED} */
    public BookingOutcome(RegistrationStatus status, String registrationId, Integer position) {
        this(status, registrationId, position, false);
    }

    BookingOutcome asRepeat() {
        return new BookingOutcome(status, registrationId, position, true);
    }
}
