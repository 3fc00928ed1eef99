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
 * @param followUp      writes, in the same commit, what must follow a new booking (the queued e-mail)
 */
public record BookingRequest(String slotId, int persons, String submissionKey, RegistrationDetails details,
                             FollowUp followUp) {

    public BookingRequest {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(submissionKey, "submissionKey");
        if (persons < 1) {
            throw new IllegalArgumentException("persons must be at least 1");
        }
        details = details != null ? details : node -> { };
        followUp = followUp != null ? followUp : (session, outcome) -> { };
    }

    public BookingRequest(String slotId, int persons, String submissionKey, RegistrationDetails details) {
        this(slotId, persons, submissionKey, details, null);
    }

    /** Writes a registrant's fields on the registration node, inside the booking's commit. */
    @FunctionalInterface
    public interface RegistrationDetails {
        void writeTo(javax.jcr.Node registration) throws javax.jcr.RepositoryException;
    }

    /**
     * Writes what must follow a new (not repeated) booking, inside the booking's commit, so that both are
     * saved together or not at all.
     */
    @FunctionalInterface
    public interface FollowUp {
        void write(javax.jcr.Session session, BookingOutcome outcome) throws javax.jcr.RepositoryException;
    }
}
