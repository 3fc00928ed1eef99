package fr.usinesouvertes.events.booking;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The counters kept on a slot node: capacity, persons confirmed, waiting registrations, and a token
 * rewritten by every booking commit.
 *
 * <p>Why the token: Oak merges two concurrent commits that set a property to the <em>same</em> value
 * without a conflict, so two bookings reading {@code booked = 29} and both writing {@code 30} would
 * both succeed and one increment would be lost. Each commit also writes a fresh random token, so any
 * two concurrent bookings of one slot always change one property to different values, and Oak rejects
 * the second with a conflict ({@code OakState0001}); the loser re-reads and tries again. This holds on
 * one node and across cluster nodes sharing a document store.
 */
final class SlotLedger {

    static final String CAPACITY = "capacity";
    static final String BOOKED = "bookedPersons";
    static final String WAITING = "waitingRegistrations";
    static final String WAIT_SEQUENCE = "waitSequence";
    static final String TOKEN = "bookingToken";
    static final String BOOKINGS = "bookings";

    private final Node slot;

    SlotLedger(Node slot) {
        this.slot = slot;
    }

    long capacity() throws RepositoryException {
        return slot.hasProperty(CAPACITY) ? slot.getProperty(CAPACITY).getLong() : 0;
    }

    long booked() throws RepositoryException {
        return slot.hasProperty(BOOKED) ? slot.getProperty(BOOKED).getLong() : 0;
    }

    long waiting() throws RepositoryException {
        return slot.hasProperty(WAITING) ? slot.getProperty(WAITING).getLong() : 0;
    }

    long placesLeft() throws RepositoryException {
        return Math.max(0, capacity() - booked());
    }

    boolean fits(long persons) throws RepositoryException {
        return booked() + persons <= capacity();
    }

    void addBooked(long persons) throws RepositoryException {
        slot.setProperty(BOOKED, booked() + persons);
    }

    /** Adds one registration to the waiting list and returns its sequence number (its order). */
    long enqueueWaiting() throws RepositoryException {
        long sequence = (slot.hasProperty(WAIT_SEQUENCE) ? slot.getProperty(WAIT_SEQUENCE).getLong() : 0) + 1;
        slot.setProperty(WAIT_SEQUENCE, sequence);
        slot.setProperty(WAITING, waiting() + 1);
        return sequence;
    }

    /** Counts one more registration on the slot and returns its number (1 for the first). */
    long nextBookingNumber() throws RepositoryException {
        long number = (slot.hasProperty(BOOKINGS) ? slot.getProperty(BOOKINGS).getLong() : 0) + 1;
        slot.setProperty(BOOKINGS, number);
        return number;
    }

    void removeWaiting() throws RepositoryException {
        slot.setProperty(WAITING, Math.max(0, waiting() - 1));
    }

    /** Makes this commit conflict with any concurrent commit touching the same slot. */
    void stamp() throws RepositoryException {
        slot.setProperty(TOKEN, java.util.UUID.randomUUID().toString());
    }
}
