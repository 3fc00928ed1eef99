package fr.usinesouvertes.events.organiser;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import fr.usinesouvertes.events.attendance.AttendanceRecords;
import fr.usinesouvertes.events.booking.BookingOrder;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.export.ExcelCsv;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Session;

/**
 * The France Travail groups' results of an edition, for the agencies' liaison (Île-de-France's Parcours Industrie):
 * one row per group booked by an agency, with its visit, its adviser, the candidates registered and those present at
 * the gate. No candidate's name: the groups are booked by their adviser.
 */
public final class FranceTravailExport {

    public static final List<String> HEADERS = List.of("Entreprise", "Site", "Date", "Début", "Agence France Travail",
            "Conseiller", "Candidats inscrits", "Pointage", "Candidats présents", "Statut");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final ContentRepository repository;
    private final ZoneId zone;

    public FranceTravailExport(ContentRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    /** Writes the France Travail bookings of {@code slots} (confirmed and waiting), slot by slot; returns the rows. */
    public int write(List<Visit> slots, OutputStream out) {
        ExcelCsv csv = ExcelCsv.open(out, HEADERS);
        int rows = repository.read(session -> {
            int count = 0;
            for (Visit slot : slots) {
                AttendanceRecords.Checked checked = AttendanceRecords.checked(session, slot.slotId());
                for (Node registration : groups(session, slot.slotId())) {
                    String id = registration.getIdentifier();
                    csv.row(List.of(slot.company(), slot.site(), DATE.format(slot.start().withZoneSameInstant(zone)),
                            TIME.format(slot.start().withZoneSameInstant(zone)), getStringProperty(registration, "agency", ""),
                            getStringProperty(registration, "adviserName", ""), getStringProperty(registration, "persons", ""),
                            checked.absent(id) ? "Absent" : checked.present(id) > 0 ? "Présent" : "",
                            checked.present(id) > 0 ? Long.toString(checked.present(id)) : "",
                            RegistrationStatus.of(registration) == RegistrationStatus.CONFIRMED ? "Confirmé"
                                    : "Liste d'attente"));
                    count++;
                }
            }
            return count;
        });
        csv.flush();
        return rows;
    }

    private static List<Node> groups(Session session, String slotId) throws javax.jcr.RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
        List<Node> groups = new ArrayList<>();
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:contentNode") && "franceTravail".equals(getStringProperty(node, "audience", ""))
                        && RegistrationStatus.of(node) != RegistrationStatus.CANCELLED) {
                    groups.add(node);
                }
            }
        }
        groups.sort(BookingOrder.REGISTRATIONS);
        return groups;
    }
}
