package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.booking.SlotBooking;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Prepares the registrations folder of each slot of a sheet ({@code /registrations/<slot uuid>}) and
 * grants it to the sheet's company, so the company reads its registrations on its own session.
 */
public final class RegistrationFolders {

    private RegistrationFolders() {
    }

    /** Creates the missing folders of the sheet's slots and grants them all to {@code company}. The caller saves. */
    public static void grantAll(Session session, Node sheet, String company, CompanyGrants grants) throws RepositoryException {
        if (!sheet.hasNode("slots")) {
            return;
        }
        for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
            Node slot = it.nextNode();
            if (!slot.isNodeType("mgnl:contentNode")) {
                continue;
            }
            grants.grant(session, company, SlotBooking.registrationsFolder(session, slot.getIdentifier()).getPath());
        }
    }
}
