package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.attendance.AttendanceRecords;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * The organisers' figures of an edition: sheets by status, and for published (or full) sheets the sites, slots,
 * places and persons (confirmed, on a waiting list, cancelled) in total and by region, department, audience and
 * day. A site counts once in a line however many slots it has there; a slot's places count for each audience it
 * accepts; persons count under the audience of their registration. The visit day's check-in adds persons present,
 * no-shows and walk-ins (also by site). Counts only: no personal data.
 */
public final class EditionFigures {

    /** One line of a table. */
    public static final class Line {
        private final Set<String> sites = new HashSet<>();
        private long slots;
        private long places;
        private long confirmedPersons;
        private long waitlistedPersons;
        private long cancelledPersons;
        private long registrations;
        private long presentPersons;
        private long noShowPersons;
        private long walkInPersons;

        public long sites() {
            return sites.size();
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

        public long waitlistedPersons() {
            return waitlistedPersons;
        }

        public long cancelledPersons() {
            return cancelledPersons;
        }

        /** Persons checked in at the gate, walk-ins included ({@code checkin}). */
        public long presentPersons() {
            return presentPersons;
        }

        /** Persons of the bookings marked absent at the gate. */
        public long noShowPersons() {
            return noShowPersons;
        }

        /** Persons who came without a booking. */
        public long walkInPersons() {
            return walkInPersons;
        }

        /** Bookings that are not cancelled (confirmed or waiting). */
        public long registrations() {
            return registrations;
        }
    }

    /** The figures of one edition, each map sorted by key ({@code bySite}: by the site's name). */
    public record Figures(int year, Map<String, Long> sheetsByStatus, Line total, Map<String, Line> byRegion,
                          Map<String, Line> byDepartment, Map<String, Line> byAudience, Map<LocalDate, Line> byDay,
                          Map<String, Line> bySite) {
    }

    private final ContentRepository repository;
    private final ZoneId zone;

    /** @param zone the site's time zone: a slot counts for the day it starts there */
    public EditionFigures(ContentRepository repository, ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
    }

    public Figures of(int year) {
        return repository.read(session -> {
            Figures figures = new Figures(year, new TreeMap<>(), new Line(), new TreeMap<>(), new TreeMap<>(),
                    new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
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

    private void count(Session session, Node sheet, Figures figures) throws RepositoryException {
        String siteId = sheet.hasProperty("site") ? sheet.getProperty("site").getString() : sheet.getIdentifier();
        Node site = site(session, siteId);
        Line region = figures.byRegion().computeIfAbsent(text(site, "region"), r -> new Line());
        Line department = figures.byDepartment().computeIfAbsent(text(site, "department"), d -> new Line());
        Line siteLine = figures.bySite().computeIfAbsent(text(site, "name"), d -> new Line());
        for (Line line : List.of(figures.total(), region, department, siteLine)) {
            line.sites.add(siteId);
        }
        if (!sheet.hasNode("slots")) {
            return;
        }
        for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
            Node slot = it.nextNode();
            if (!slot.hasProperty("start") || !slot.hasProperty("capacity")) {
                continue;
            }
            long capacity = SlotCounts.of(session, slot).capacity();
            LocalDate day = LocalDate.ofInstant(slot.getProperty("start").getDate().toInstant(), zone);
            Line dayLine = figures.byDay().computeIfAbsent(day, d -> new Line());
            dayLine.sites.add(siteId);
            List<Line> lines = List.of(figures.total(), region, department, dayLine, siteLine);
            List<Line> audiences = new ArrayList<>();
            if (slot.hasProperty("audiences")) {
                for (Value value : slot.getProperty("audiences").getValues()) {
                    audiences.add(figures.byAudience().computeIfAbsent(value.getString(), a -> new Line()));
                }
            }
            for (Line line : lines) {
                line.slots++;
                line.places += capacity;
            }
            for (Line line : audiences) {
                line.sites.add(siteId);
                line.slots++;
                line.places += capacity;
            }
            countRegistrations(session, slot.getIdentifier(), figures, lines);
        }
    }

    /**
     * Persons by status on every line of the slot, and under their registration's audience; with what the gate's
     * check-in recorded: present persons and no-shows by booking, walk-ins on the slot's lines.
     */
    private static void countRegistrations(Session session, String slotId, Figures figures, List<Line> lines)
            throws RepositoryException {
        String path = "/" + SlotBooking.WORKSPACE + "/" + slotId;
        AttendanceRecords.Checked checked = AttendanceRecords.checked(session, slotId);
        for (Line line : lines) {
            line.walkInPersons += checked.walkInPersons();
            line.presentPersons += checked.walkInPersons();
        }
        if (!session.nodeExists(path)) {
            return;
        }
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            Node registration = it.nextNode();
            if (!registration.isNodeType("mgnl:contentNode") || !registration.hasProperty("status")) {
                continue;
            }
            RegistrationStatus status = RegistrationStatus.of(registration);
            long persons = registration.hasProperty("persons") ? registration.getProperty("persons").getLong() : 0;
            String audience = registration.hasProperty("audience") ? registration.getProperty("audience").getString() : "?";
            List<Line> all = new ArrayList<>(lines);
            all.add(figures.byAudience().computeIfAbsent(audience, a -> new Line()));
            String id = registration.getIdentifier();
            for (Line line : all) {
                line.presentPersons += checked.present(id);
                line.noShowPersons += checked.absent(id) ? persons : 0;
                switch (status) {
                    case CONFIRMED -> {
                        line.confirmedPersons += persons;
                        line.registrations++;
                    }
                    case WAITLISTED -> {
                        line.waitlistedPersons += persons;
                        line.registrations++;
                    }
                    case CANCELLED -> line.cancelledPersons += persons;
                }
            }
        }
    }

    private static Node site(Session session, String id) throws RepositoryException {
        try {
            return NodesByIdentifier.find(session, id);
        } catch (ItemNotFoundException | javax.jcr.PathNotFoundException e) {
            return null;
        }
    }

    private static String text(Node site, String property) throws RepositoryException {
        return site != null && site.hasProperty(property) && !site.getProperty(property).getString().isBlank()
                ? site.getProperty(property).getString() : "?";
    }
}
