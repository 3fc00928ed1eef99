package fr.usinesouvertes.events.attendance;

import fr.usinesouvertes.events.booking.SlotBooking;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * Where the gate's check-in is stored, and how it is read back for figures and exports: inside a slot's registrations
 * folder, at {@code /registrations/<slot>/attendance} (so a company, granted that folder, reads it with its
 * registrations; the node has no {@code status} and is no {@code mgnl:contentNode}, so nothing takes it for a
 * registration). One child per booking checked ({@code state} present or absent, {@code persons}, {@code at},
 * {@code by}), one per walk-in ({@code w-<the phone's id for it>}, {@code persons}); the folder's {@code closed} says
 * the slot was closed. No name is stored there.
 */
public final class AttendanceRecords {

    public static final String FOLDER = "attendance";
    public static final String PRESENT = "present";
    public static final String ABSENT = "absent";
    public static final String EXPECTED = "expected";
    public static final String WALK_IN_PREFIX = "w-";

    private AttendanceRecords() {
    }

    /** A booking's check-in: its state and the persons present. */
    public record Check(String state, long persons) {
    }

    /** What was checked at a slot: by booking id; and the walk-ins' persons. */
    public record Checked(Map<String, Check> bookings, long walkInPersons) {

        /** Nothing checked. */
        public static final Checked NONE = new Checked(Map.of(), 0);

        /** The persons present of a booking (0 when absent or not checked). */
        public long present(String registrationId) {
            Check check = bookings.get(registrationId);
            return check == null || !PRESENT.equals(check.state()) ? 0 : check.persons();
        }

        /** Whether the booking was marked absent (a no-show). */
        public boolean absent(String registrationId) {
            Check check = bookings.get(registrationId);
            return check != null && ABSENT.equals(check.state());
        }
    }

    /** What was checked at a slot, read in the caller's session. */
    public static Checked checked(Session session, String slotId) throws RepositoryException {
        Node folder = folder(session, slotId, false);
        if (folder == null) {
            return Checked.NONE;
        }
        Map<String, Check> bookings = new LinkedHashMap<>();
        long walkIns = 0;
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node record = it.nextNode();
            long persons = JcrUtils.getLongProperty(record, "persons", 0);
            if (record.getName().startsWith(WALK_IN_PREFIX)) {
                walkIns += persons;
            } else {
                bookings.put(record.getName(), new Check(JcrUtils.getStringProperty(record, "state", EXPECTED), persons));
            }
        }
        return new Checked(Map.copyOf(bookings), walkIns);
    }

    /** The slot's attendance folder; created when {@code create} (the caller saves), else null when nothing was checked. */
    public static Node folder(Session session, String slotId, boolean create) throws RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId + "/" + FOLDER;
        if (session.nodeExists(path)) {
            return session.getNode(path);
        }
        return create ? SlotBooking.registrationsFolder(session, slotId).addNode(FOLDER, "oak:Unstructured") : null;
    }
}
