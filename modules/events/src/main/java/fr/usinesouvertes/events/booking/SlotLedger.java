package fr.usinesouvertes.events.booking;

import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

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
 * <p>Counters that versions before 0.2.0 kept on the slot itself are moved to the folder once, by the module's
 * update task ({@link #moveCountersOfEarlierVersions}).
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

    /**
     * The update task of version 0.2.0: moves the counters that earlier versions kept on each slot under
     * {@code /events} to the slot's registrations folder (created when missing), in the task's session.
     *
     * @return how many slots had counters to move
     */
    static int moveCountersOfEarlierVersions(Session session) throws RepositoryException {
        if (!session.nodeExists("/events")) {
            return 0; // a fresh install: no slot yet
        }
        int moved = 0;
        for (Node slot : slotsWithCounters(session.getNode("/events"), new ArrayList<>())) {
            Node folder = SlotBooking.registrationsFolder(session, slot.getIdentifier());
            for (String name : COUNTERS) {
                if (slot.hasProperty(name)) {
                    if (!folder.hasProperty(name)) {
                        folder.setProperty(name, slot.getProperty(name).getValue());
                    }
                    slot.getProperty(name).remove();
                }
            }
            moved++;
        }
        return moved;
    }

    private static List<Node> slotsWithCounters(Node node, List<Node> found) throws RepositoryException {
        if (node.hasProperty(BOOKED) || node.hasProperty(BOOKINGS) || node.hasProperty(WAITING)) {
            found.add(node);
        }
        for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
            slotsWithCounters(children.nextNode(), found);
        }
        return found;
    }
}
