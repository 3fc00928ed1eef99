package fr.usinesouvertes.events.booking;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * A slot's booking figures as its ledger says (see {@link SlotLedger}): persons confirmed and registrations
 * waiting. Read on a session that may read the slot's registrations folder (the system's, or the slot's
 * company's); without one, or before the first booking, the figures are zero.
 */
public record SlotCounts(long capacity, long bookedPersons, long waitingRegistrations) {

    /** The figures of {@code slot}, a node of {@code /events}, read on {@code session}. */
    public static SlotCounts of(Session session, Node slot) throws RepositoryException {
        long capacity = slot.hasProperty(SlotLedger.CAPACITY) ? slot.getProperty(SlotLedger.CAPACITY).getLong() : 0;
        String folder = "/" + SlotBooking.WORKSPACE + "/" + slot.getIdentifier();
        if (!session.nodeExists(folder)) {
            return new SlotCounts(capacity, 0, 0); // no booking yet
        }
        Node counters = session.getNode(folder);
        return new SlotCounts(capacity, number(counters, SlotLedger.BOOKED), number(counters, SlotLedger.WAITING));
    }

    /** Places left now on each of these slots that still exists, read at once. */
    public static Map<String, Long> placesLeft(ContentRepository repository, Collection<String> slotIds) {
        return repository.read(session -> {
            Map<String, Long> places = new HashMap<>();
            for (String id : slotIds) {
                if (NodesByIdentifier.isIdentifier(id)) {
                    Optional<Node> slot = NodesByIdentifier.findIfExists(session, id);
                    if (slot.isPresent() && slot.get().getPath().startsWith("/events/")) {
                        places.put(id, of(session, slot.get()).placesLeft());
                    }
                }
            }
            return places;
        });
    }

    /** Capacity minus persons confirmed, never negative. */
    public long placesLeft() {
        return Math.max(0, capacity - bookedPersons);
    }

    private static long number(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getLong() : 0;
    }
}
