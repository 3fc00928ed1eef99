package fr.usinesouvertes.events.registration;

/**
 * A slot a registration may be on after a change: its own, or another of the same site and edition, open to its
 * audience, not started, not cancelled, with places left.
 *
 * @param current    whether it is the registration's slot now
 * @param placesLeft seats still free on it
 */
public record ChangeOption(BookableSlot slot, boolean current, long placesLeft) {
}
