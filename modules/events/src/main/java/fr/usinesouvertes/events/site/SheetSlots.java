package fr.usinesouvertes.events.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/** The slot nodes of an event sheet ({@code slots/0, 1, …}) that have a start and an end, in start order. */
public final class SheetSlots {

    private SheetSlots() {
    }

    public static List<Node> inStartOrder(Node sheet) throws RepositoryException {
        List<Node> slots = new ArrayList<>();
        if (sheet.hasNode("slots")) {
            for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
                Node slot = it.nextNode();
                if (slot.isNodeType("mgnl:contentNode") && slot.hasProperty("start") && slot.hasProperty("end")) {
                    slots.add(slot);
                }
            }
        }
        slots.sort(Comparator.comparingLong(SheetSlots::startMillis));
        return slots;
    }

    private static long startMillis(Node slot) {
        try {
            return slot.getProperty("start").getDate().getTimeInMillis();
        } catch (RepositoryException e) {
            return Long.MAX_VALUE;
        }
    }
}
