package fr.usinesouvertes.events.booking;

import java.util.Objects;

/**
 * A request for seats on a slot.
 *
 * @param slotId        identifier of the slot node
 * @param persons       head count, at least 1
 * @param submissionKey identifies one submission (same form sent twice = same key), so a double
 *                      submit books once
 * @param details       writes the registrant's fields onto the new registration node
 */
public record BookingRequest(String slotId, int persons, String submissionKey, RegistrationDetails details) {

    public BookingRequest {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(submissionKey, "submissionKey");
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
        details = details != null ? details : node -> { };
    }

    /** Writes a registrant's fields on the registration node, inside the booking's commit. */
    @FunctionalInterface
    public interface RegistrationDetails {
        void writeTo(javax.jcr.Node registration) throws javax.jcr.RepositoryException;
    }
}
