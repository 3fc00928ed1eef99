package fr.usinesouvertes.events.export;

import static org.apache.jackrabbit.commons.JcrUtils.getStringProperty;

import fr.usinesouvertes.events.attendance.AttendanceRecords;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.BookingOrder;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.registration.SchoolLevel;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SessionWork;
import java.io.OutputStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Exports the registrations of a set of slots (an event sheet's, or a whole edition's) as a CSV file
 * that Excel opens correctly in France, with what the gate's check-in recorded (present with the persons there, or
 * absent): UTF-8 with a byte-order mark, {@code ;} between cells, CRLF
 * line ends, French headers, and every cell guarded against formula injection. Dates and times are local to the
 * site's time zone.
 */
public final class RegistrationCsvExport {

    /** The columns, in order; French because the file goes to French companies and organisers. */
    public static final List<String> HEADERS = List.of("Entreprise", "Site", "Date", "Début", "Fin", "Public", "Statut",
            "Places", "Participants déclarés", "Accompagnateurs", "Contact", "E-mail", "Téléphone", "Établissement", "UAI",
            "Commune", "Niveau", "Financement transport demandé", "Agence France Travail", "Langue", "Inscrit le",
            "Identifiant", "Pointage", "Présents");

    public static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final ContentRepository repository;
    private final ZoneId zone;

    /** @param zone the site's time zone (the {@code time-zone} setting) */
    public RegistrationCsvExport(ContentRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    /**
     * Writes the registrations of the given slots, slot by slot in the given order, each slot's in the
     * order they were made. Cancelled registrations are included with their status, so counts add up.
     */
    public void write(List<Visit> slots, OutputStream out) {
        write(slots, out, repository::read);
    }

    /** Where the export reads registrations: the system session, or a company's own (its ACLs then apply). */
    public interface Reader {
        <T> T read(SessionWork<T> work);
    }

    /** As {@link #write(List, OutputStream)}, reading through {@code reader}, e.g. a company's session. */
    public void write(List<Visit> slots, OutputStream out, Reader reader) {
        ExcelCsv csv = ExcelCsv.open(out, HEADERS);
        reader.read(session -> {
            for (Visit slot : slots) {
                AttendanceRecords.Checked checked = AttendanceRecords.checked(session, slot.slotId());
                for (Node registration : registrations(session, slot.slotId())) {
                    List<String> row = new ArrayList<>(row(slot, registration));
                    String id = registration.getIdentifier();
                    row.add(checked.absent(id) ? "Absent" : checked.present(id) > 0 ? "Présent" : "");
                    row.add(checked.present(id) > 0 ? Long.toString(checked.present(id)) : "");
                    csv.row(row);
                }
            }
            return null;
        });
        csv.flush();
    }

    private static List<Node> registrations(Session session, String slotId) throws RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
        List<Node> nodes = new ArrayList<>();
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType("mgnl:contentNode")) { // not the folder's access-control policy
                    nodes.add(node);
                }
            }
        }
        nodes.sort(BookingOrder.REGISTRATIONS);
        return nodes;
    }

    private List<String> row(Visit slot, Node registration) throws RepositoryException {
        String audience = getStringProperty(registration, "audience", "");
        return List.of(slot.company(), slot.site(), DATE.format(slot.start().withZoneSameInstant(zone)),
                TIME.format(slot.start().withZoneSameInstant(zone)), TIME.format(slot.end().withZoneSameInstant(zone)),
                Audience.fromId(audience).map(a -> audienceLabel(a)).orElse(audience),
                statusLabel(getStringProperty(registration, "status", "")),
                getStringProperty(registration, "persons", ""), getStringProperty(registration, "declaredPersons", ""),
                getStringProperty(registration, "accompanyingAdults", ""),
                firstOf(registration, "name", "teacherName", "adviserName"), getStringProperty(registration, "email", ""),
                getStringProperty(registration, "phone", ""), getStringProperty(registration, "schoolName", ""),
                getStringProperty(registration, "uai", ""), getStringProperty(registration, "commune", ""),
                SchoolLevel.fromId(getStringProperty(registration, "level", "")).map(l -> l.label().fr()).orElse(""),
                yesNo(registration, "transportFunding"), getStringProperty(registration, "agency", ""),
                getStringProperty(registration, "lang", ""),
                registration.hasProperty("created")
                        ? DATE_TIME.format(registration.getProperty("created").getDate().toInstant().atZone(zone)) : "",
                registration.getIdentifier());
    }

    private static String audienceLabel(Audience audience) {
        return switch (audience) {
            case PUBLIC -> "Grand public";
            case SCHOOL -> "Groupe scolaire";
            case FRANCE_TRAVAIL -> "Groupe France Travail";
            case COMPANY -> "Entreprise";
        };
    }

    private static String statusLabel(String status) {
        return switch (RegistrationStatus.of(status)) {
            case CONFIRMED -> "Confirmée";
            case WAITLISTED -> "Liste d'attente";
            case CANCELLED -> "Annulée";
        };
    }

    private static String yesNo(Node node, String property) throws RepositoryException {
        return node.hasProperty(property) ? (node.getProperty(property).getBoolean() ? "oui" : "non") : "";
    }

    private static String firstOf(Node node, String... properties) throws RepositoryException {
        for (String property : properties) {
            if (node.hasProperty(property)) {
                return node.getProperty(property).getString();
            }
        }
        return "";
    }
}
