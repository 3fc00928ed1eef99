package fr.usinesouvertes.events.checkin;

import fr.usinesouvertes.events.attendance.AttendanceRecords;
import fr.usinesouvertes.events.booking.GroupCommitter;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.company.CompanyRegistrations;
import fr.usinesouvertes.events.company.CompanySession;
import fr.usinesouvertes.events.company.CompanySites;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.RegistrationRow;
import fr.usinesouvertes.events.company.SheetSummary;
import fr.usinesouvertes.events.company.SiteSummary;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * Who came to a visit: the check-in a company does at its gate, on the visit day. Each confirmed booking of a slot is
 * expected; staff mark it present with the number of persons actually there (a class of 28 may arrive with 26), or
 * absent; walk-ins are added with their number of persons; closing the slot marks the bookings nobody checked in as
 * no-shows.
 *
 * <p>Stored with {@link AttendanceRecords}. Every operation is idempotent: a phone that sends its queue twice, or two
 * phones checking the same booking, leave one record per booking (the last count wins) and one per walk-in, never a
 * doubled count.
 */
public final class Attendance {

    private static final String PRESENT = AttendanceRecords.PRESENT;
    private static final String ABSENT = AttendanceRecords.ABSENT;
    private static final String EXPECTED = AttendanceRecords.EXPECTED;
    private static final String WALK_IN_PREFIX = AttendanceRecords.WALK_IN_PREFIX;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    /** The slots whose bookings are kept (a day's slots of every gate). */
    private static final int KNOWN_SLOTS = 5_000;

    private final ContentRepository repository;
    private final CompanySites sites;
    private final EventSheets sheets;
    private final CompanyRegistrations registrations;
    private final SlotDirectory slots;
    private final Clock clock;
    private final ZoneId zone;
    private final GroupCommitter commits;
    /** By company and slot: kept in access order, the least recently used dropped past {@value #KNOWN_SLOTS}. */
    private final Map<String, KnownRows> knownRows = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, KnownRows> eldest) {
                    return size() > KNOWN_SLOTS;
                }
            });

    public Attendance(ContentRepository repository, CompanySites sites, EventSheets sheets,
                      CompanyRegistrations registrations, SlotDirectory slots, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.sites = sites;
        this.sheets = sheets;
        this.registrations = registrations;
        this.slots = slots;
        this.clock = clock;
        this.zone = zone;
        this.commits = new GroupCommitter(repository, java.util.Set.of());
    }

    /** A booking as the gate sees it: who (the group's name), how many are expected and how many came. */
    public record Booking(String id, String label, String audience, long expected, String state, long present) {
    }

    /** A group that came without a booking. */
    public record WalkIn(String id, long persons) {
    }

    /** A slot of the day with its bookings (confirmed and waiting), walk-ins and totals. */
    public record SlotDay(String id, String site, String start, String end, long capacity, boolean closed,
                          List<Booking> bookings, List<WalkIn> walkIns, long presentPersons, long expectedPersons) {
    }

    /** Today, in the site's time zone. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The company's slots starting on {@code date}, in start order, with what was checked so far. */
    public List<SlotDay> day(CompanySession company, LocalDate date) {
        int year = sheets.currentEdition().year();
        Map<String, String> siteOfSlot = new LinkedHashMap<>();
        for (SiteSummary site : sites.list(company)) {
            Optional<SheetSummary> sheet = sheets.find(company, year, site.slug());
            sheet.ifPresent(found -> found.slots().stream().filter(slot -> !slot.cancelled())
                    .forEach(slot -> siteOfSlot.put(slot.id(), site.name())));
        }
        List<BookableSlot> found = new ArrayList<>();
        slots.findAll(siteOfSlot.keySet()).values().forEach(slot -> slot
                .filter(s -> s.visit().start().withZoneSameInstant(zone).toLocalDate().equals(date))
                .ifPresent(found::add));
        found.sort(Comparator.comparing(slot -> slot.visit().start()));
        List<SlotDay> days = new ArrayList<>();
        for (BookableSlot slot : found) {
            days.add(slotDay(slot, siteOfSlot.get(slot.id()), registrations.list(company, slot.id())));
        }
        return days;
    }

    /** A slot with the bookings of {@code all} (the slot's registrations, read on the company's session). */
    private SlotDay slotDay(BookableSlot slot, String site, List<RegistrationRow> all) {
        List<RegistrationRow> rows = all.stream().filter(row -> confirmed(row) || waiting(row)).toList();
        return repository.read(session -> {
            Node folder = AttendanceRecords.folder(session, slot.id(), false);
            List<Booking> bookings = new ArrayList<>();
            long present = 0;
            long expected = 0;
            for (RegistrationRow row : rows) {
                Node record = folder != null && folder.hasNode(row.id()) ? folder.getNode(row.id()) : null;
                String state = record == null ? EXPECTED : JcrUtils.getStringProperty(record, "state", EXPECTED);
                long came = record == null ? 0 : JcrUtils.getLongProperty(record, "persons", 0);
                String label = row.organisation().isBlank() ? row.contact() : row.organisation();
                bookings.add(new Booking(row.id(), waiting(row) ? label + " *" : label,
                        row.audience(), row.persons(), state, came));
                present += PRESENT.equals(state) ? came : 0;
                expected += confirmed(row) ? row.persons() : 0;
            }
            List<WalkIn> walkIns = new ArrayList<>();
            if (folder != null) {
                for (NodeIterator it = folder.getNodes(WALK_IN_PREFIX + "*"); it.hasNext(); ) {
                    Node walkIn = it.nextNode();
                    long persons = JcrUtils.getLongProperty(walkIn, "persons", 0);
                    walkIns.add(new WalkIn(walkIn.getName().substring(WALK_IN_PREFIX.length()), persons));
                    present += persons;
                }
            }
            boolean closed = folder != null && JcrUtils.getBooleanProperty(folder, "closed", false);
            return new SlotDay(slot.id(), site, TIME.format(slot.visit().start().withZoneSameInstant(zone)),
                    TIME.format(slot.visit().end().withZoneSameInstant(zone)), slot.capacity(), closed, bookings,
                    walkIns, present, expected);
        });
    }

    /**
     * Applies a phone's queued operations in order, each on one of the company's own slots (another slot: 404) and
     * bookings of that slot (another booking: 400 naming it). Returns the slots they touched, as they are now.
     *
     * <p>Many phones sync at once at the gates of a visit day, so a sync reads as little as it can and shares its commit:
     * the slot's bookings are read on the company's session (its access checked) once, then kept while the slot's ledger
     * stamp ({@link SlotBooking#ledgerStamp}) says no booking, change or cancellation happened since; the operations of
     * concurrent syncs are saved together ({@link GroupCommitter}), each sync's in order after the others', which is
     * the same as one after another since every operation sets, never adds.
     */
    public List<SlotDay> apply(CompanySession company, String by, List<CheckInOperation> operations) {
        List<String> slotIds = operations.stream().map(CheckInOperation::slot).distinct().toList();
        Map<String, String> stamps = repository.read(session -> {
            Map<String, String> read = new HashMap<>();
            for (String slot : slotIds) {
                read.put(slot, SlotBooking.ledgerStamp(session, slot));
            }
            return read;
        });
        Map<String, List<RegistrationRow>> rowsBySlot = new LinkedHashMap<>();
        for (CheckInOperation operation : operations) {
            List<RegistrationRow> rows = rowsBySlot.computeIfAbsent(operation.slot(),
                    slot -> rows(company, slot, stamps.get(slot))); // the company's own slot, else NotFoundException
            if (operation.registration() != null && rows.stream().noneMatch(row -> row.id().equals(operation.registration())
                    && (confirmed(row) || waiting(row)))) {
                throw new CheckInRefusedException("registration", "No booking " + operation.registration()
                        + " of slot " + operation.slot() + " to check in");
            }
        }
        Calendar now = GregorianCalendar.from(clock.instant().atZone(zone));
        commits.commit("check-in", session -> {
            for (CheckInOperation operation : operations) {
                applyOne(session, operation, rowsBySlot.get(operation.slot()), by, now);
            }
            return null;
        });
        List<SlotDay> touched = new ArrayList<>();
        slots.findAll(rowsBySlot.keySet()).forEach((id, slot) -> slot.ifPresent(found ->
                touched.add(slotDay(found, found.visit().site(), rowsBySlot.get(id)))));
        return touched;
    }

    /** A slot's bookings as the company reads them, kept while the slot's ledger stamp is {@code stamp}. */
    private List<RegistrationRow> rows(CompanySession company, String slot, String stamp) {
        String key = company.company() + "/" + slot;
        KnownRows known = knownRows.get(key);
        if (known != null && Objects.equals(known.stamp(), stamp)) {
            return known.rows();
        }
        List<RegistrationRow> rows = registrations.list(company, slot); // its own slot, else NotFoundException
        knownRows.put(key, new KnownRows(stamp, rows));
        return rows;
    }

    /** A slot's bookings as read when its ledger had {@code stamp}. */
    private record KnownRows(String stamp, List<RegistrationRow> rows) {
    }

    private static void applyOne(Session session, CheckInOperation operation, List<RegistrationRow> rows, String by,
                                 Calendar now) throws RepositoryException {
        Node folder = AttendanceRecords.folder(session, operation.slot(), true);
        switch (operation.type()) {
            case PRESENT, ABSENT -> {
                Node record = JcrUtils.getOrAddNode(folder, operation.registration(), "oak:Unstructured");
                boolean present = operation.type() == CheckInOperation.Type.PRESENT;
                record.setProperty("state", present ? PRESENT : ABSENT);
                record.setProperty("persons", present ? operation.persons() : 0L);
                stamp(record, by, now);
            }
            case UNDO -> {
                if (folder.hasNode(operation.registration())) {
                    folder.getNode(operation.registration()).remove();
                }
            }
            case WALK_IN -> {
                Node walkIn = JcrUtils.getOrAddNode(folder, WALK_IN_PREFIX + operation.walkIn(), "oak:Unstructured");
                walkIn.setProperty("persons", operation.persons());
                stamp(walkIn, by, now);
            }
            case REMOVE_WALK_IN -> {
                if (folder.hasNode(WALK_IN_PREFIX + operation.walkIn())) {
                    folder.getNode(WALK_IN_PREFIX + operation.walkIn()).remove();
                }
            }
            case CLOSE -> {
                for (RegistrationRow row : rows) {
                    if (confirmed(row) && !folder.hasNode(row.id())) {
                        Node record = folder.addNode(row.id(), "oak:Unstructured");
                        record.setProperty("state", ABSENT);
                        record.setProperty("persons", 0L);
                        stamp(record, by, now);
                    }
                }
                folder.setProperty("closed", true);
                stamp(folder, by, now);
            }
            default -> throw new IllegalStateException("Unknown operation " + operation.type());
        }
    }

    private static boolean confirmed(RegistrationRow row) {
        return RegistrationStatus.CONFIRMED.stored().equals(row.status());
    }

    private static boolean waiting(RegistrationRow row) {
        return RegistrationStatus.WAITLISTED.stored().equals(row.status());
    }

    private static void stamp(Node node, String by, Calendar now) throws RepositoryException {
        node.setProperty("at", now);
        node.setProperty("by", by);
    }
}
