package fr.usinesouvertes.events.edition;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * Maps an {@link Edition} to and from its repository node, in the {@value #WORKSPACE} workspace:
 *
 * <pre>
 * /2026                         mgnl:content      year (Long), reminderDays (String, optional: "7,1", "3", "none")
 *   days/friday                 mgnl:contentNode  date (Date, midnight in the site's time zone), audiences (String[])
 *   windows/school              mgnl:contentNode  audience (String), opens (Date), closes (Date, optional)
 *   regionalOverrides/idf-company mgnl:contentNode region (String), audience, opens?, closes?
 * </pre>
 *
 * The same layout is what the bootstrap file {@code editions.2026.yaml} contains, in Magnolia's export format.
 *
 * <p>A day is the date its instant falls on in the site's time zone (the {@code time-zone} setting), as the back
 * office's date fields read and write them.
 */
public final class EditionNodes {

    public static final String WORKSPACE = "editions";
    static final String DAYS = "days";
    static final String WINDOWS = "windows";
    static final String OVERRIDES = "regionalOverrides";
    static final String REMINDER_DAYS = "reminderDays";

    private EditionNodes() {
    }

    /** Reads an edition node, its days in {@code zone}; a malformed node fails with the path and property at fault. */
    public static Edition read(Node edition, ZoneId zone) throws RepositoryException {
        int year = edition.hasProperty("year") ? (int) edition.getProperty("year").getLong()
                : Integer.parseInt(edition.getName());
        List<EventDay> days = new ArrayList<>();
        for (Node day : children(edition, DAYS)) {
            Set<Audience> audiences = EnumSet.noneOf(Audience.class);
            if (day.hasProperty("audiences")) {
                for (Value value : day.getProperty("audiences").getValues()) {
                    audiences.add(audience(day, value.getString()));
                }
            }
            days.add(new EventDay(day.getName(), LocalDate.ofInstant(instant(day, "date"), zone), audiences));
        }
        Map<Audience, SignUpWindow> windows = new EnumMap<>(Audience.class);
        for (Node window : children(edition, WINDOWS)) {
            Audience audience = audience(window, text(window, "audience", window.getName()));
            windows.put(audience, SignUpWindow.national(audience, instant(window, "opens"), optionalInstant(window, "closes")));
        }
        List<SignUpWindow> overrides = new ArrayList<>();
        for (Node override : children(edition, OVERRIDES)) {
            overrides.add(SignUpWindow.regional(text(override, "region", null),
                    audience(override, text(override, "audience", null)),
                    optionalInstant(override, "opens"), optionalInstant(override, "closes")));
        }
        return new Edition(year, days, windows, overrides, reminderDays(edition));
    }

    /**
     * The edition's own reminder days, {@code null} when it has none. A value that does not read (typed by hand in the
     * editions app) is logged and left aside, so that the module's setting applies rather than every read of the
     * editions, registrations included, failing.
     */
    private static List<Integer> reminderDays(Node edition) throws RepositoryException {
        if (!edition.hasProperty(REMINDER_DAYS)) {
            return null;
        }
        String value = edition.getProperty(REMINDER_DAYS).getString();
        try {
            return ReminderDays.parse(value);
        } catch (IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(EditionNodes.class).warn("Edition node {}: reminderDays '{}' ignored ({}); "
                    + "the reminder-days setting applies", edition.getPath(), value, e.getMessage());
            return null;
        }
    }

    /** Writes an edition as a child of {@code parent}, its days at midnight in {@code zone}, replacing any node of the same year. */
    public static Node write(Node parent, Edition edition, ZoneId zone) throws RepositoryException {
        String name = Integer.toString(edition.year());
        if (parent.hasNode(name)) {
            parent.getNode(name).remove();
        }
        Node node = parent.addNode(name, "mgnl:content");
        node.setProperty("year", (long) edition.year());
        if (edition.reminderDays() != null) {
            node.setProperty(REMINDER_DAYS, ReminderDays.format(edition.reminderDays()));
        }
        Node days = node.addNode(DAYS, "mgnl:contentNode");
        for (EventDay day : edition.days()) {
            Node dayNode = days.addNode(day.name(), "mgnl:contentNode");
            dayNode.setProperty("date", calendar(day.date().atStartOfDay(zone).toInstant(), zone));
            dayNode.setProperty("audiences", day.audiences().stream().sorted().map(Audience::id).toArray(String[]::new));
        }
        Node windows = node.addNode(WINDOWS, "mgnl:contentNode");
        for (SignUpWindow window : edition.windows().values().stream().sorted((a, b) -> a.audience().compareTo(b.audience())).toList()) {
            writeWindow(windows.addNode(window.audience().id(), "mgnl:contentNode"), window, zone);
        }
        Node overrides = node.addNode(OVERRIDES, "mgnl:contentNode");
        for (SignUpWindow override : edition.regionalOverrides()) {
            Node overrideNode = overrides.addNode(Regions.key(override.region()) + "-" + override.audience().id(), "mgnl:contentNode");
            overrideNode.setProperty("region", override.region());
            writeWindow(overrideNode, override, zone);
        }
        return node;
    }

    private static void writeWindow(Node node, SignUpWindow window, ZoneId zone) throws RepositoryException {
        node.setProperty("audience", window.audience().id());
        if (window.opens() != null) {
            node.setProperty("opens", calendar(window.opens(), zone));
        }
        if (window.closes() != null) {
            node.setProperty("closes", calendar(window.closes(), zone));
        }
    }

    private static List<Node> children(Node parent, String name) throws RepositoryException {
        List<Node> nodes = new ArrayList<>();
        if (parent.hasNode(name)) {
            for (NodeIterator it = parent.getNode(name).getNodes(); it.hasNext(); ) {
                nodes.add(it.nextNode());
            }
        }
        return nodes;
    }

    private static Audience audience(Node node, String id) throws RepositoryException {
        String path = node.getPath();
        return Audience.fromId(id).orElseThrow(() -> malformed(path, "unknown audience '" + id + "'"));
    }

    private static String text(Node node, String property, String fallback) throws RepositoryException {
        if (node.hasProperty(property)) {
            return node.getProperty(property).getString();
        }
        if (fallback == null) {
            throw malformed(node.getPath(), "property '" + property + "' is missing");
        }
        return fallback;
    }

    private static Instant instant(Node node, String property) throws RepositoryException {
        Instant instant = optionalInstant(node, property);
        if (instant == null) {
            throw malformed(node.getPath(), "date property '" + property + "' is missing");
        }
        return instant;
    }

    private static Instant optionalInstant(Node node, String property) throws RepositoryException {
        return node.hasProperty(property) ? node.getProperty(property).getDate().toInstant() : null;
    }

    private static Calendar calendar(Instant instant, ZoneId zone) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(zone));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }

    private static IllegalStateException malformed(String path, String why) {
        return new IllegalStateException("Edition node " + path + ": " + why);
    }
}
