package fr.usinesouvertes.events.registration;

/**
 * A registration as shown on its registrant's view/cancel page.
 *
 * @param position 1-based place on the waiting list, or {@code null}
 */
public record ManagedRegistration(RegistrationRecord registration, BookableSlot slot, Integer position) {
}
