package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * The organisers' figures of an edition: sheets by status, and for published (or full) sheets the
 * sites, slots, places and registrations (confirmed persons, waiting registrations) by region, by
 * audience and by day. Counts only: no personal data.
 */
public final class EditionFigures {

    /** One line of a table: how many sites, slots, places, confirmed persons and waiting registrations. */
    public static final class Line {
        private long sites;
        private long slots;
        private long places;
        private long confirmedPersons;
        private long registrations;

        public long sites() {
            return sites;
        }

        public long slots() {
            return slots;
        }

        public long places() {
            return places;
        }

        public long confirmedPersons() {
            return confirmedPersons;
        }

        public long registrations() {
            return registrations;
        }
    }

    /** The figures of one edition, each map sorted by key. */
    public record Figures(int year, Map<String, Long> sheetsByStatus, Line total, Map<String, Line> byRegion,
                          Map<String, Line> byAudience, Map<LocalDate, Line> byDay) {
    }

    private final ContentRepository repository;

    public EditionFigures(ContentRepository repository) {
        this.repository = repository;
    }

    public Figures of(int year) {
        return repository.read(session -> {
            Figures figures = new Figures(year, new TreeMap<>(), new Line(), new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
            String path = "/events/" + year;
            if (!session.nodeExists(path)) {
                return figures;
            }
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                if (!sheet.isNodeType("mgnl:content")) {
                    continue;
                }
                String status = sheet.hasProperty("status") ? sheet.getProperty("status").getString() : "draft";
                figures.sheetsByStatus().merge(status, 1L, Long::sum);
                if (status.equals("published") || status.equals("full")) {
                    count(session, sheet, figures);
                }
            }
            return figures;
        });
    }

    private static void count(Session session, Node sheet, Figures figures) throws RepositoryException {
        String region = region(session, sheet);
        Line regionLine = figures.byRegion().computeIfAbsent(region, r -> new Line());
        figures.total().sites++;
        regionLine.sites++;
        if (!sheet.hasNode("slots")) {
            return;
        }
        for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
            Node slot = it.nextNode();
            if (!slot.hasProperty("start") || !slot.hasProperty("capacity")) {
                continue;
            }
            SlotCounts counts = SlotCounts.of(session, slot);
            long capacity = counts.capacity();
            long booked = counts.bookedPersons();
            LocalDate day = LocalDate.ofInstant(slot.getProperty("start").getDate().toInstant(), FrenchDates.PARIS);
            Line dayLine = figures.byDay().computeIfAbsent(day, d -> new Line());
            for (Line line : new Line[] {figures.total(), regionLine, dayLine}) {
                line.slots++;
                line.places += capacity;
                line.confirmedPersons += booked;
            }
            if (slot.hasProperty("audiences")) {
                for (Value value : slot.getProperty("audiences").getValues()) {
                    Line audience = figures.byAudience().computeIfAbsent(value.getString(), a -> new Line());
                    audience.slots++;
                    audience.places += capacity;
                }
            }
            countRegistrations(session, slot.getIdentifier(), figures, regionLine, dayLine);
        }
    }

    /** Registrations (not cancelled) per line, and confirmed persons per audience. */
    private static void countRegistrations(Session session, String slotId, Figures figures, Line region, Line day)
            throws RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
        if (!session.nodeExists(path)) {
            return;
        }
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            Node registration = it.nextNode();
            if (!registration.isNodeType("mgnl:contentNode") || !registration.hasProperty("status")
                    || registration.getProperty("status").getString().equals("cancelled")) {
                continue;
            }
            figures.total().registrations++;
            region.registrations++;
            day.registrations++;
            String audience = registration.hasProperty("audience") ? registration.getProperty("audience").getString() : "?";
            Line line = figures.byAudience().computeIfAbsent(audience, a -> new Line());
            line.registrations++;
            if (registration.getProperty("status").getString().equals("confirmed") && registration.hasProperty("persons")) {
                line.confirmedPersons += registration.getProperty("persons").getLong();
            }
        }
    }

    private static String region(Session session, Node sheet) throws RepositoryException {
        try {
            Node site = NodesByIdentifier.find(session, sheet.getProperty("site").getString());
            return site.hasProperty("region") ? site.getProperty("region").getString() : "?";
        } catch (ItemNotFoundException | IllegalArgumentException | javax.jcr.PathNotFoundException e) {
            return "?";
        }
    }
}
