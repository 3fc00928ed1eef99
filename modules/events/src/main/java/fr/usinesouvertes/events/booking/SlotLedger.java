package fr.usinesouvertes.events.booking;

import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The booking counters of a slot: persons confirmed, waiting registrations, the waiting-list and booking
 * sequences, and a token rewritten by every booking commit. They live on the slot's registrations folder
 * ({@code /registrations/<slot id>}, private), not on the slot in {@code /events}: the capacity is editorial
 * content, the counters are bookkeeping, and a booking must not count as a change of the public content (it
 * would empty the Delivery cache, move every page's {@code Last-Modified}, reindex the search and invalidate
 * every cache of slots at each registration). Readers get the counters through {@link SlotCounts}. What the
 * public sees change is announced on the slot by {@value #BOOKED_UP}, rewritten only when the slot fills up or
 * frees up.
 *
 * <p>Why the token: Oak merges two concurrent commits that set a property to the <em>same</em> value
 * without a conflict, so two bookings reading {@code booked = 29} and both writing {@code 30} would
 * both succeed and one increment would be lost. Each commit also writes a fresh random token, so any
 * two concurrent bookings of one slot always change one property to different values, and Oak rejects
 * the second with a conflict ({@code OakState0001}); the loser re-reads and tries again. This holds on
 * one node and across cluster nodes sharing a document store.
 *
 * <p>Counters written on the slot itself by earlier versions are still read, and moved to the folder by the
 * slot's next booking or cancellation.
 */
final class SlotLedger {

    static final String CAPACITY = "capacity";
    static final String BOOKED = "bookedPersons";
    static final String WAITING = "waitingRegistrations";
    static final String WAIT_SEQUENCE = "waitSequence";
    static final String TOKEN = "bookingToken";
    static final String BOOKINGS = "bookings";
    /** On the slot: whether no place is left, for the search index and the caches of public content. */
    static final String BOOKED_UP = "bookedUp";
    private static final List<String> COUNTERS = List.of(BOOKED, WAITING, WAIT_SEQUENCE, BOOKINGS, TOKEN);

    private final Node slot;
    private final Node counters;

    /** @param folder the slot's registrations folder, where the counters are written */
    SlotLedger(Node slot, Node folder) throws RepositoryException {
        this.slot = slot;
        this.counters = folder;
        adoptCountersOfEarlierVersions();
    }

    long capacity() throws RepositoryException {
        return slot.hasProperty(CAPACITY) ? slot.getProperty(CAPACITY).getLong() : 0;
    }

    long booked() throws RepositoryException {
        return number(BOOKED);
    }

    long waiting() throws RepositoryException {
        return number(WAITING);
    }

    long placesLeft() throws RepositoryException {
        return Math.max(0, capacity() - booked());
    }

    boolean fits(long persons) throws RepositoryException {
        return booked() + persons <= capacity();
    }

    void addBooked(long persons) throws RepositoryException {
        counters.setProperty(BOOKED, booked() + persons);
    }

    /** Adds one registration to the waiting list and returns its sequence number (its order). */
    long enqueueWaiting() throws RepositoryException {
        long sequence = number(WAIT_SEQUENCE) + 1;
        counters.setProperty(WAIT_SEQUENCE, sequence);
        counters.setProperty(WAITING, waiting() + 1);
        return sequence;
    }

    /** Counts one more registration on the slot and returns its number (1 for the first). */
    long nextBookingNumber() throws RepositoryException {
        long number = number(BOOKINGS) + 1;
        counters.setProperty(BOOKINGS, number);
        return number;
    }

    /** Empties the slot: nobody confirmed, nobody waiting (its visit was cancelled). */
    void clear() throws RepositoryException {
        counters.setProperty(BOOKED, 0L);
        counters.setProperty(WAITING, 0L);
    }

    void removeWaiting() throws RepositoryException {
        counters.setProperty(WAITING, Math.max(0, waiting() - 1));
    }

    /**
     * Ends a booking or cancellation: makes this commit conflict with any concurrent commit touching the
     * same slot, and marks the slot booked up or not when that changed.
     */
    void stamp() throws RepositoryException {
        counters.setProperty(TOKEN, java.util.UUID.randomUUID().toString());
        boolean bookedUp = placesLeft() == 0;
        boolean announced = slot.hasProperty(BOOKED_UP) && slot.getProperty(BOOKED_UP).getBoolean();
        if (bookedUp != announced) {
            slot.setProperty(BOOKED_UP, bookedUp);
        }
    }

    private long number(String name) throws RepositoryException {
        return counters.hasProperty(name) ? counters.getProperty(name).getLong() : 0;
    }

    /** Moves counters an earlier version kept on the slot to the folder, once. */
    private void adoptCountersOfEarlierVersions() throws RepositoryException {
        if (!slot.hasProperty(BOOKED) && !slot.hasProperty(BOOKINGS) && !slot.hasProperty(WAITING)) {
            return;
        }
        for (String name : COUNTERS) {
            if (slot.hasProperty(name)) {
                if (!counters.hasProperty(name)) {
                    counters.setProperty(name, slot.getProperty(name).getValue());
                }
                slot.getProperty(name).remove();
            }
        }
    }
}
