package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
 * their event sheet, site and company, as laid out by the events model contract.
 */
public final class SlotDirectory {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern SLOT_PATH = Pattern.compile("/events/[0-9]{4}/[^/]+/slots/[^/]+");

    private final ContentRepository repository;
    private final int defaultMaxPersons;

    /** @param defaultMaxPersons the per-registration limit of slots that set none */
    public SlotDirectory(ContentRepository repository, int defaultMaxPersons) {
        this.repository = repository;
        this.defaultMaxPersons = defaultMaxPersons;
    }

    /** The slot with this id, if it is one (whatever its sheet's status: callers decide). */
    public Optional<BookableSlot> find(String slotId) {
        if (!NodesByIdentifier.isIdentifier(slotId)) {
            return Optional.empty();
        }
        return repository.read(session -> find(session, slotId));
    }

    /** Several slots read at once (one repository refresh), keyed by id. */
    public Map<String, Optional<BookableSlot>> findAll(Collection<String> slotIds) {
        return repository.read(session -> {
            Map<String, Optional<BookableSlot>> found = new LinkedHashMap<>();
            for (String id : slotIds) {
                found.put(id, NodesByIdentifier.isIdentifier(id) ? find(session, id) : Optional.empty());
            }
            return found;
        });
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
                address(site), start, end, practicalInformation(sheet));
        long capacity = slot.getProperty("capacity").getLong();
        int max = slot.hasProperty("maxPersonsPerRegistration")
                ? (int) Math.min(Integer.MAX_VALUE, slot.getProperty("maxPersonsPerRegistration").getLong())
                : defaultMaxPersons;
        int edition = sheet.hasProperty("edition") ? (int) sheet.getProperty("edition").getLong()
                : Integer.parseInt(sheet.getParent().getName());
        return Optional.of(new BookableSlot(visit, text(sheet, "status", "draft"),
                text(sheet, "registrationMode", "platform"), edition, text(site, "region", null),
                audiences(slot), capacity, max));
    }

    private static Node byId(Session session, String id) throws RepositoryException {
        if (!NodesByIdentifier.isIdentifier(id)) {
            return null;
        }
        return NodesByIdentifier.findIfExists(session, id).orElse(null);
    }

    private static ZonedDateTime date(Node node, String property) throws RepositoryException {
        return node.getProperty(property).getDate().toInstant().atZone(PARIS);
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
        StringJoiner line = new StringJoiner(", ");
        String street = text(site, "address", null);
        if (street != null && !street.isBlank()) {
            line.add(street);
        }
        String town = (text(site, "postalCode", "") + " " + text(site, "commune", "")).strip();
        if (!town.isEmpty()) {
            line.add(town);
        }
        return line.toString();
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
