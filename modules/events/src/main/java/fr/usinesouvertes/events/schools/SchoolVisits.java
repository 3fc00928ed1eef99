package fr.usinesouvertes.events.schools;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * The sites an edition opens to school groups: a published (or full) sheet with a slot open to schools on a school day
 * (Monday to Friday), at a site with a position; and the levels its visits accept (a minimum age above 14 leaves the
 * collèges out, above 17 the lycées and EREA).
 */
public final class SchoolVisits {

    /** A site open to school groups. */
    public record Site(String slug, String name, String region, double latitude, double longitude,
                       Set<School.Level> levels) {
    }

    private final ZoneId zone;

    public SchoolVisits(ZoneId zone) {
        this.zone = zone;
    }

    /** Every site the edition opens to school groups, in sheet order. */
    public List<Site> all(Session session, int year) throws RepositoryException {
        List<Site> sites = new ArrayList<>();
        String path = "/events/" + year;
        if (!session.nodeExists(path)) {
            return sites;
        }
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            Node sheet = it.nextNode();
            if (sheet.isNodeType("mgnl:content")) {
                site(session, sheet).ifPresent(sites::add);
            }
        }
        return sites;
    }

    /** The site {@code slug} if the edition opens it to school groups. */
    public Optional<Site> one(Session session, int year, String slug) throws RepositoryException {
        String path = "/events/" + year + "/" + slug;
        return session.nodeExists(path) ? site(session, session.getNode(path)) : Optional.empty();
    }

    private Optional<Site> site(Session session, Node sheet) throws RepositoryException {
        String status = JcrUtils.getStringProperty(sheet, "status", "");
        String sitePath = "/sites/" + sheet.getName();
        if (!(status.equals("published") || status.equals("full")) || !openToSchools(sheet)
                || !session.nodeExists(sitePath)) {
            return Optional.empty();
        }
        Node site = session.getNode(sitePath);
        if (!site.hasProperty("latitude") || !site.hasProperty("longitude")) {
            return Optional.empty();
        }
        long minimumAge = JcrUtils.getLongProperty(sheet, "minimumAge", 0);
        Set<School.Level> levels = EnumSet.allOf(School.Level.class);
        if (minimumAge > 14) {
            levels.remove(School.Level.COLLEGE);
        }
        if (minimumAge > 17) {
            levels.removeAll(Set.of(School.Level.LYCEE_GENERAL, School.Level.LYCEE_TECHNOLOGIQUE,
                    School.Level.LYCEE_PROFESSIONNEL, School.Level.EREA));
        }
        return Optional.of(new Site(sheet.getName(), JcrUtils.getStringProperty(site, "name", sheet.getName()),
                JcrUtils.getStringProperty(site, "region", ""), site.getProperty("latitude").getDouble(),
                site.getProperty("longitude").getDouble(), levels));
    }

    /** A slot open to school groups on a school day. */
    public record Slot(String id, java.time.Instant start, java.time.Instant end) {
    }

    /** The slots of the edition's sheet of {@code slug} open to school groups on a school day, in sheet order. */
    public List<Slot> schoolSlots(Session session, int year, String slug) throws RepositoryException {
        String path = "/events/" + year + "/" + slug;
        return session.nodeExists(path) ? schoolSlots(session.getNode(path)) : List.of();
    }

    private boolean openToSchools(Node sheet) throws RepositoryException {
        return !schoolSlots(sheet).isEmpty();
    }

    private List<Slot> schoolSlots(Node sheet) throws RepositoryException {
        List<Slot> slots = new ArrayList<>();
        if (!sheet.hasNode("slots")) {
            return slots;
        }
        for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
            Node slot = it.nextNode();
            if (!slot.hasProperty("start") || !slot.hasProperty("end") || !slot.hasProperty("audiences")
                    || JcrUtils.getBooleanProperty(slot, "cancelled", false)) {
                continue;
            }
            java.time.Instant start = slot.getProperty("start").getDate().toInstant();
            DayOfWeek day = start.atZone(zone).getDayOfWeek();
            for (Value audience : slot.getProperty("audiences").getValues()) {
                if (audience.getString().equals("school") && day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                    slots.add(new Slot(slot.getIdentifier(), start, slot.getProperty("end").getDate().toInstant()));
                    break;
                }
            }
        }
        return slots;
    }
}
