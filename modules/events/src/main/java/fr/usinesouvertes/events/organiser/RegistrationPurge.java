package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Deletes the personal fields of an edition's registrations once the edition is over (GDPR retention),
 * keeping each registration's audience, persons and status so the counts per slot and audience remain. The gate's
 * check-in records lose who checked them (a staff account's login) and keep their state and persons, so the
 * attendance figures (present, no-shows, walk-ins) remain; survey answers lose their free comment and keep the rest,
 * so the survey's aggregates remain.
 */
public final class RegistrationPurge {

    /** Fields identifying or contacting a person. */
    static final List<String> PERSONAL_FIELDS = List.of("email", "name", "teacherName", "adviserName", "phone");


    private final ContentRepository repository;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the site's time zone: an edition is over once its last day is over there */
    public RegistrationPurge(ContentRepository repository, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.clock = clock;
        this.zone = zone;
    }

    /** The outcome: how many registrations were purged, or why nothing was done. */
    public record Result(boolean done, int registrations, String message) {
    }

    public Result purge(int year) {
        Optional<Edition> edition = new EditionStore(repository, zone).find(year);
        if (edition.isEmpty()) {
            return new Result(false, 0, "No edition " + year + " in the repository.");
        }
        Optional<LocalDate> lastDay = edition.get().days().stream().map(EventDay::date).max(Comparator.naturalOrder());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (lastDay.isEmpty() || !today.isAfter(lastDay.get())) {
            return new Result(false, 0, "The " + year + " edition is not over (last day "
                    + lastDay.map(LocalDate::toString).orElse("unknown") + ", today " + today
                    + "): registrations can be purged from the day after.");
        }
        int purged = repository.write(session -> {
            int count = 0;
            for (String slotId : slotIds(session, year)) {
                String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
                if (!session.nodeExists(path)) {
                    continue;
                }
                purgeCheckIns(session, slotId);
                fr.usinesouvertes.events.survey.SurveyAnswers.purgeComments(session, slotId);
                for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                    Node registration = it.nextNode();
                    if (!registration.isNodeType("mgnl:contentNode")) {
                        continue; // the folder's access-control policy, granted to the company
                    }
                    boolean changed = false;
                    for (String field : PERSONAL_FIELDS) {
                        if (registration.hasProperty(field)) {
                            registration.getProperty(field).remove();
                            changed = true;
                        }
                    }
                    if (changed) {
                        registration.setProperty("purged", true);
                        count++;
                    }
                }
            }
            return count;
        });
        return new Result(true, purged, purged + " registrations of the " + year
                + " edition purged of their personal data; counts per slot and audience are kept.");
    }

    /** Removes who checked in each booking and walk-in of a slot (a staff account's login); the counts stay. */
    private static void purgeCheckIns(Session session, String slotId) throws RepositoryException {
        Node folder = fr.usinesouvertes.events.attendance.AttendanceRecords.folder(session, slotId, false);
        if (folder == null) {
            return;
        }
        if (folder.hasProperty("by")) {
            folder.getProperty("by").remove();
        }
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node record = it.nextNode();
            if (record.hasProperty("by")) {
                record.getProperty("by").remove();
            }
        }
    }

    /** Ids of every slot of every event sheet of the edition, whatever the sheet's status. */
    static List<String> slotIds(Session session, int year) throws RepositoryException {
        List<String> ids = new java.util.ArrayList<>();
        String path = "/events/" + year;
        if (!session.nodeExists(path)) {
            return ids;
        }
        for (NodeIterator sheets = session.getNode(path).getNodes(); sheets.hasNext(); ) {
            Node sheet = sheets.nextNode();
            if (sheet.hasNode("slots")) {
                for (NodeIterator slots = sheet.getNode("slots").getNodes(); slots.hasNext(); ) {
                    ids.add(slots.nextNode().getIdentifier());
                }
            }
        }
        return ids;
    }
}
