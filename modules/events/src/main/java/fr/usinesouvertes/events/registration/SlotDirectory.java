package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.FrenchAddresses;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * Finds time slots by id in the {@code events} workspace ({@code /events/<year>/<site>/slots/<n>}) with
 * their event sheet, site and company, as laid out by the events model contract; their visits' times are in the
 * site's time zone.
 *
 * <p>Every registration and every e-mail looks its slot up, so slots found are kept until a commit changes one
 * of the trees they are read from (see {@link ContentRepository#changeCount}); a booking changes none of them
 * (its counters live with the registrations), so under a rush of registrations the slots stay cached.
 */
public final class SlotDirectory {

    /** On a slot: the SEQUENCE of its calendar events (see {@link Visit#sequence()}), absent for 0. */
    public static final String CALENDAR_SEQUENCE = "calendarSequence";
    private static final Pattern SLOT_PATH = Pattern.compile("/events/[0-9]{4}/[^/]+/slots/[^/]+");
    /** The trees a slot is read from: its sheet, its site and its company. */
    private static final List<String> TREES = List.of("events", "sites", "companies");
    /** Slots kept at most: a few thousand per edition; beyond, the least useful leave one by one. */
    static final int MAX_CACHED = 20_000;

    private final ContentRepository repository;
    private final int defaultMaxPersons;
    private final ZoneId zone;
    private final Cache<String, Optional<BookableSlot>> cache = Caffeine.newBuilder().maximumSize(MAX_CACHED).build();
    private volatile long cachedAt = -1;

    /**
     * @param defaultMaxPersons the per-registration limit of slots that set none
     * @param zone              the site's time zone
     */
    public SlotDirectory(ContentRepository repository, int defaultMaxPersons, ZoneId zone) {
        this.repository = repository;
        this.defaultMaxPersons = defaultMaxPersons;
        this.zone = zone;
    }

    /** The slot with this id, if it is one (whatever its sheet's status: callers decide). */
    public Optional<BookableSlot> find(String slotId) {
        if (!NodesByIdentifier.isIdentifier(slotId)) {
            return Optional.empty();
        }
        long changes = currentCache();
        Optional<BookableSlot> cached = cache.getIfPresent(slotId);
        if (cached != null) {
            return cached;
        }
        return remember(changes, slotId, repository.read(session -> find(session, slotId)));
    }

    /** Several slots read at once (one repository refresh for those not cached), keyed by id. */
    public Map<String, Optional<BookableSlot>> findAll(Collection<String> slotIds) {
        long changes = currentCache();
        Map<String, Optional<BookableSlot>> found = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : slotIds) {
            Optional<BookableSlot> cached = NodesByIdentifier.isIdentifier(id) ? cache.getIfPresent(id) : Optional.empty();
            found.put(id, cached);
            if (cached == null) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            repository.read(session -> {
                for (String id : missing) {
                    found.put(id, remember(changes, id, find(session, id)));
                }
                return null;
            });
        }
        return found;
    }

    /**
     * The slots of the same event sheet as {@code slotId} (the same site and edition), itself included, by start
     * time; empty when it is no slot.
     */
    public List<BookableSlot> sameSheet(String slotId) {
        if (find(slotId).isEmpty()) {
            return List.of();
        }
        List<String> ids = repository.read(session -> {
            List<String> found = new ArrayList<>();
            Node slots = byId(session, slotId).getParent();
            for (javax.jcr.NodeIterator it = slots.getNodes(); it.hasNext(); ) {
                Node slot = it.nextNode();
                if (slot.isNodeType("mix:referenceable")) {
                    found.add(slot.getIdentifier());
                }
            }
            return found;
        });
        return findAll(ids).values().stream().flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(slot -> slot.visit().start())).toList();
    }

    /**
     * Empties the cache if the trees slots are read from changed since it was filled, and returns their count
     * of changes, read before any slot is: a change meanwhile makes the next call empty the cache again.
     */
    private long currentCache() {
        long changes = 0;
        for (String tree : TREES) {
            changes += repository.changeCount(tree);
        }
        if (changes != cachedAt) {
            cache.invalidateAll();
            cachedAt = changes;
        }
        return changes;
    }

    private Optional<BookableSlot> remember(long changes, String slotId, Optional<BookableSlot> slot) {
        if (changes == cachedAt) {
            cache.put(slotId, slot);
        }
        return slot;
    }

    private Optional<BookableSlot> find(Session session, String slotId) throws RepositoryException {
        Node slot = byId(session, slotId);
        if (slot == null || !SLOT_PATH.matcher(slot.getPath()).matches() || !slot.hasProperty("start")
                || !slot.hasProperty("end") || !slot.hasProperty("capacity")) {
            return Optional.empty();
        }
        Node sheet = slot.getParent().getParent();
        Node site = sheet.hasProperty("site") ? byId(session, sheet.getProperty("site").getString()) : null;
        Node company = site != null && site.hasProperty("company")
                ? byId(session, site.getProperty("company").getString()) : null;
        ZonedDateTime start = date(slot, "start");
        ZonedDateTime end = date(slot, "end");
        if (!end.isAfter(start)) {
            return Optional.empty();
        }
        Visit visit = new Visit(slotId, text(company, "name", ""), text(site, "name", sheet.getName()),
                address(site), start, end, practicalInformation(sheet),
                slot.hasProperty(CALENDAR_SEQUENCE) ? (int) slot.getProperty(CALENDAR_SEQUENCE).getLong() : 0);
        long capacity = slot.getProperty("capacity").getLong();
        int max = slot.hasProperty("maxPersonsPerRegistration")
                ? (int) Math.min(Integer.MAX_VALUE, slot.getProperty("maxPersonsPerRegistration").getLong())
                : defaultMaxPersons;
        int edition = sheet.hasProperty("edition") ? (int) sheet.getProperty("edition").getLong()
                : Integer.parseInt(sheet.getParent().getName());
        return Optional.of(new BookableSlot(visit, text(sheet, "status", "draft"),
                text(sheet, "registrationMode", "platform"), edition, text(site, "region", null),
                audiences(slot), capacity, max, fr.usinesouvertes.events.booking.SlotBooking.isCancelled(slot)));
    }

    private static Node byId(Session session, String id) throws RepositoryException {
        if (!NodesByIdentifier.isIdentifier(id)) {
            return null;
        }
        return NodesByIdentifier.findIfExists(session, id).orElse(null);
    }

    private ZonedDateTime date(Node node, String property) throws RepositoryException {
        return node.getProperty(property).getDate().toInstant().atZone(zone);
    }

    private static String text(Node node, String property, String fallback) throws RepositoryException {
        return node != null && node.hasProperty(property) ? node.getProperty(property).getString() : fallback;
    }

    private static Set<Audience> audiences(Node slot) throws RepositoryException {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (slot.hasProperty("audiences")) {
            Value[] values = slot.getProperty("audiences").isMultiple() ? slot.getProperty("audiences").getValues()
                    : new Value[] {slot.getProperty("audiences").getValue()};
            for (Value value : values) {
                Audience.fromId(value.getString()).filter(Audience::isVisitor).ifPresent(audiences::add);
            }
        }
        return audiences;
    }

    private static String address(Node site) throws RepositoryException {
        return FrenchAddresses.line(text(site, "address", ""), text(site, "postalCode", ""),
                text(site, "commune", ""));
    }

    /** Meeting point, access, parking and safety equipment, one per line, in French as the sheets are written. */
    private static String practicalInformation(Node sheet) throws RepositoryException {
        StringJoiner text = new StringJoiner("\n");
        for (String[] item : new String[][] {{"meetingPoint", "Point de rendez-vous"}, {"access", "Accès"},
                {"parking", "Stationnement"}, {"safetyEquipment", "Équipements de sécurité"}}) {
            String value = text(sheet, item[0], null);
            if (value != null && !value.isBlank()) {
                text.add(item[1] + " : " + value.strip());
            }
        }
        return text.toString();
    }
}
