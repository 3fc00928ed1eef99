package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.events.booking.SlotBooking;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/** The school-group registrations of an edition, whatever their status, with the slot and sheet each is on. */
final class SchoolRegistrations {

    /** A school registration node and where it is: its slot's node and its sheet's name (the site's slug). */
    record Found(Node registration, Node slot, String site) {
    }

    private SchoolRegistrations() {
    }

    static List<Node> of(Session session, int year) throws RepositoryException {
        return found(session, year).stream().map(Found::registration).toList();
    }

    static List<Found> found(Session session, int year) throws RepositoryException {
        List<Found> found = new ArrayList<>();
        String path = "/events/" + year;
        if (!session.nodeExists(path)) {
            return found;
        }
        for (NodeIterator sheets = session.getNode(path).getNodes(); sheets.hasNext(); ) {
            Node sheet = sheets.nextNode();
            if (!sheet.hasNode("slots")) {
                continue;
            }
            for (NodeIterator slots = sheet.getNode("slots").getNodes(); slots.hasNext(); ) {
                Node slot = slots.nextNode();
                String folder = "/" + SlotBooking.WORKSPACE + "/" + slot.getIdentifier();
                if (!session.nodeExists(folder)) {
                    continue;
                }
                for (NodeIterator it = session.getNode(folder).getNodes(); it.hasNext(); ) {
                    Node registration = it.nextNode();
                    if (registration.isNodeType("mgnl:contentNode")
                            && "school".equals(JcrUtils.getStringProperty(registration, "audience", ""))) {
                        found.add(new Found(registration, slot, sheet.getName()));
                    }
                }
            }
        }
        return found;
    }
}
