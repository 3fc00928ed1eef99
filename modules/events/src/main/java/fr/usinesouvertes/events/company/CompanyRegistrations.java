package fr.usinesouvertes.events.company;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.booking.BookingOrder;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.SlotDirectory;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * The registrations of a company's own slots, read on the company's session: another company's slot
 * or registrations are invisible to it (Oak's ACLs), which this class reports as not found.
 */
public final class CompanyRegistrations {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final SlotDirectory slots;
    private final RegistrationCsvExport export;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, in which registrations' dates are shown */
    public CompanyRegistrations(SlotDirectory slots, RegistrationCsvExport export, java.time.ZoneId zone) {
        this.slots = slots;
        this.export = export;
        this.zone = zone;
    }

    /** The confirmed and waiting (and cancelled) registrations of one of the company's slots, in booking order. */
    public List<RegistrationRow> list(CompanySession company, String slotId) {
        requireOwnSlot(company, slotId);
        return company.read(session -> {
            List<Node> registrations = new ArrayList<>();
            String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
            if (!session.nodeExists(path)) {
                return List.of();
            }
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:contentNode")) {
                    registrations.add(node);
                }
            }
            registrations.sort(BookingOrder.REGISTRATIONS); // not by the displayed date, which sorts day first
            List<RegistrationRow> rows = new ArrayList<>(registrations.size());
            for (Node registration : registrations) {
                rows.add(row(registration));
            }
            return rows;
        });
    }

    /** The CSV export of one of the company's slots (the organisers' format), read on the company's session. */
    public void exportCsv(CompanySession company, List<String> slotIds, OutputStream out) {
        List<fr.usinesouvertes.events.visit.Visit> visits = new ArrayList<>();
        for (String slotId : slotIds) {
            requireOwnSlot(company, slotId);
            visits.add(slots.find(slotId).map(BookableSlot::visit).orElseThrow(() -> new NotFoundException("Slot " + slotId)));
        }
        export.write(visits, out, company::read);
    }

    /** The slot's sheet belongs to the company: its session can read the slot and the site is its own. */
    private void requireOwnSlot(CompanySession company, String slotId) {
        if (!NodesByIdentifier.isIdentifier(slotId)) {
            throw new NotFoundException("Slot " + slotId);
        }
        company.read(session -> {
            Node slot = NodesByIdentifier.findIfExists(session, slotId)
                    .orElseThrow(() -> new NotFoundException("Slot " + slotId));
            if (!slot.getPath().matches("/events/[0-9]{4}/[^/]+/slots/[^/]+")) {
                throw new NotFoundException("Slot " + slotId);
            }
            ownSite(session, company, slot.getParent().getParent());
            return null;
        });
    }

    private static void ownSite(Session session, CompanySession company, Node sheet) throws RepositoryException {
        try {
            Node site = NodesByIdentifier.find(session, EventSheets.text(sheet, "site"));
            CompanySites.ownSite(session, company, site.getName());
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            throw new NotFoundException("Site of " + sheet.getName());
        }
    }

    private RegistrationRow row(Node node) throws RepositoryException {
        String organisation = first(node, "schoolName", "agency");
        return new RegistrationRow(node.getIdentifier(), getStringProperty(node, "status", ""),
                JcrUtils.getLongProperty(node, "persons", 0), getStringProperty(node, "audience", ""),
                first(node, "name", "teacherName", "adviserName"), getStringProperty(node, "email", ""),
                getStringProperty(node, "phone", ""), organisation,
                node.hasProperty("created")
                        ? DATE_TIME.format(node.getProperty("created").getDate().toInstant().atZone(zone)) : "",
                node.hasProperty("waitSequence") ? node.getProperty("waitSequence").getLong() : 0);
    }

    private static String first(Node node, String... names) throws RepositoryException {
        for (String name : names) {
            if (node.hasProperty(name)) {
                return node.getProperty(name).getString();
            }
        }
        return "";
    }
}
