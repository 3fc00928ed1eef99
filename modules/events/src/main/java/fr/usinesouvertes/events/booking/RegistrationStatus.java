package fr.usinesouvertes.events.booking;

import java.util.Locale;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** Where a registration stands; stored in its {@code status} property as {@link #stored()}. */
public enum RegistrationStatus {
    /** Holds its seats on the slot. */
    CONFIRMED,
    /** Waits for seats to free up, in the order of its submission. */
    WAITLISTED,
    /** Cancelled by the registrant, the company or the organisers: holds nothing. */
    CANCELLED;

    /** The value in the repository and in the APIs, e.g. {@code confirmed}. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status a stored value names; {@link IllegalArgumentException} for any other value. */
    public static RegistrationStatus of(String stored) {
        for (RegistrationStatus status : values()) {
            if (status.stored().equals(stored)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown registration status '" + stored + "'");
    }

    /** The status of a registration node. */
    public static RegistrationStatus of(Node registration) throws RepositoryException {
        return of(registration.getProperty(SlotBooking.STATUS).getString());
    }

    /** Whether {@code registration} (a node with a status) has this status. */
    public boolean is(Node registration) throws RepositoryException {
        return registration.hasProperty(SlotBooking.STATUS)
                && stored().equals(registration.getProperty(SlotBooking.STATUS).getString());
    }

    /** Sets this status on {@code registration}. */
    public void set(Node registration) throws RepositoryException {
        registration.setProperty(SlotBooking.STATUS, stored());
    }
}
