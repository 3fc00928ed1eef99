package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * Reads sites, companies and published event sheets from a session, per the events model contract.
 * Reads the companies, sites and events workspaces, and of the registrations only each slot's counters
 * ({@link SlotCounts}): no registration is within its reach. Slots' times are in the site's time zone.
 */
public final class PublicEvents {

    private static final String SITES = "/sites";
    private static final String EVENTS = "/events";
    private static final String COMPANIES = "/companies";

    private final Session session;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone (the {@code time-zone} setting) */
    public PublicEvents(Session session, java.time.ZoneId zone) {
        this.session = session;
        this.zone = zone;
    }

    /** The site of a slug, whether or not it has a published event sheet. */
    public Optional<PublicSite> site(String slug) throws RepositoryException {
        if (!isSlug(slug) || !session.nodeExists(SITES + "/" + slug)) {
            return Optional.empty();
        }
        return Optional.of(toSite(session.getNode(SITES + "/" + slug)));
    }

    /** Every site, sorted by region then name. */
    public List<PublicSite> sites() throws RepositoryException {
        List<PublicSite> sites = new ArrayList<>();
        if (session.nodeExists(SITES)) {
            collectSites(session.getNode(SITES), sites);
        }
        sites.sort(Comparator.comparing(PublicSite::region).thenComparing(PublicSite::name));
        return sites;
    }

    private void collectSites(Node folder, List<PublicSite> into) throws RepositoryException {
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("mgnl:folder")) {
                collectSites(node, into);
            } else if (node.isNodeType("mgnl:content")) {
                into.add(toSite(node));
            }
        }
    }

    /** The published (or full) sheet of a site for an edition. */
    public Optional<PublicSheet> sheet(String siteSlug, int year) throws RepositoryException {
        String path = EVENTS + "/" + year + "/" + siteSlug;
        if (!isSlug(siteSlug) || !session.nodeExists(path)) {
            return Optional.empty();
        }
        Node sheet = session.getNode(path);
        if (!PublicSheet.PUBLIC_STATUSES.contains(text(sheet, "status"))) {
            return Optional.empty();
        }
        return Optional.of(toSheet(sheet, year, siteSlug));
    }

    /**
     * The sheet of a site for an edition if it was cancelled after its publication: its page stays, saying the
     * visit is cancelled (a sheet cancelled before publication was never public and stays unknown).
     */
    public Optional<PublicSheet> cancelledSheet(String siteSlug, int year) throws RepositoryException {
        String path = EVENTS + "/" + year + "/" + siteSlug;
        if (!isSlug(siteSlug) || !session.nodeExists(path)) {
            return Optional.empty();
        }
        Node sheet = session.getNode(path);
        if (!"cancelled".equals(text(sheet, "status"))
                || !PublicSheet.PUBLIC_STATUSES.contains(text(sheet, "cancelledFromStatus"))) {
            return Optional.empty();
        }
        return Optional.of(toSheet(sheet, year, siteSlug));
    }

    /** Every published sheet of an edition, or of all editions when {@code year} is null, by edition then site. */
    public List<PublicSheet> sheets(Integer year) throws RepositoryException {
        List<PublicSheet> sheets = new ArrayList<>();
        if (!session.nodeExists(EVENTS)) {
            return sheets;
        }
        for (NodeIterator years = session.getNode(EVENTS).getNodes(); years.hasNext(); ) {
            Node folder = years.nextNode();
            if (!folder.getName().matches("\\d{4}") || (year != null && !folder.getName().equals(year.toString()))) {
                continue;
            }
            for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                if (PublicSheet.PUBLIC_STATUSES.contains(text(sheet, "status"))) {
                    sheets.add(toSheet(sheet, Integer.parseInt(folder.getName()), sheet.getName()));
                }
            }
        }
        sheets.sort(Comparator.comparingInt(PublicSheet::edition).thenComparing(PublicSheet::siteSlug));
        return sheets;
    }

    /** A slot of a published sheet, with its sheet and site; empty for unknown ids or unpublished sheets. */
    public Optional<SlotOfSite> slot(String slotId) throws RepositoryException {
        Node slot = NodesByIdentifier.findIfExists(session, slotId).orElse(null);
        if (slot == null || !slot.getPath().startsWith(EVENTS + "/") || slot.getDepth() != 5
                || !slot.getParent().getName().equals("slots")) {
            return Optional.empty();
        }
        Node sheetNode = slot.getParent().getParent();
        Node yearNode = sheetNode.getParent();
        if (!yearNode.getName().matches("\\d{4}")) {
            return Optional.empty();
        }
        Optional<PublicSheet> sheet = sheet(sheetNode.getName(), Integer.parseInt(yearNode.getName()));
        Optional<PublicSite> site = site(sheetNode.getName());
        if (sheet.isEmpty() || site.isEmpty()) {
            return Optional.empty();
        }
        PublicSlot found = sheet.get().slots().stream().filter(s -> s.id().equals(slotId)).findFirst().orElseThrow();
        return Optional.of(new SlotOfSite(found, sheet.get(), site.get()));
    }

    /** A slot together with the sheet and site it belongs to. */
    public record SlotOfSite(PublicSlot slot, PublicSheet sheet, PublicSite site) {
    }

    private PublicSite toSite(Node node) throws RepositoryException {
        Node company = company(node);
        return new PublicSite(node.getIdentifier(), node.getName(), text(node, "name", node.getName()),
                text(node, "address"), text(node, "postalCode"), text(node, "commune"), text(node, "inseeCode"),
                text(node, "department"), text(node, "region"), decimal(node, "latitude"), decimal(node, "longitude"),
                text(node, "sector"), text(node, "description"), texts(node, "images"),
                company == null ? "" : text(company, "name", company.getName()),
                company == null ? "" : company.getName(), company == null ? "" : text(company, "website"),
                company == null ? "" : text(company, "description"));
    }

    private Node company(Node site) throws RepositoryException {
        String id = text(site, "company");
        if (id.isEmpty()) {
            return null;
        }
        Node company = NodesByIdentifier.findIfExists(session, id).orElse(null);
        return company != null && company.getPath().startsWith(COMPANIES + "/") ? company : null;
    }

    private PublicSheet toSheet(Node sheet, int year, String siteSlug) throws RepositoryException {
        List<PublicSlot> slots = new ArrayList<>();
        if (sheet.hasNode("slots")) {
            for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
                Node slot = it.nextNode();
                if (slot.hasProperty("start") && slot.hasProperty("end")) {
                    slots.add(toSlot(slot));
                }
            }
        }
        slots.sort(Comparator.comparing(PublicSlot::start));
        return new PublicSheet(year, siteSlug, text(sheet, "status"), text(sheet, "registrationMode", "platform"),
                text(sheet, "externalUrl"), text(sheet, "contactEmail"), text(sheet, "meetingPoint"),
                text(sheet, "access"), text(sheet, "parking"), text(sheet, "safetyEquipment"),
                number(sheet, "minimumAge"),
                sheet.hasProperty("reducedMobilityAccess") ? sheet.getProperty("reducedMobilityAccess").getBoolean() : null,
                texts(sheet, "languages"), text(sheet, "description"), List.copyOf(slots));
    }

    private PublicSlot toSlot(Node slot) throws RepositoryException {
        SlotCounts counts = SlotCounts.of(session, slot);
        boolean cancelled = slot.hasProperty(SlotBooking.CANCELLED_FLAG) && slot.getProperty(SlotBooking.CANCELLED_FLAG).getBoolean();
        return new PublicSlot(slot.getIdentifier(), date(slot, "start"), date(slot, "end"), counts.capacity(),
                cancelled ? 0 : counts.placesLeft(), texts(slot, "audiences"), number(slot, "maxPersonsPerRegistration"),
                cancelled);
    }

    static boolean isSlug(String slug) {
        return slug != null && slug.matches("[a-z0-9][a-z0-9-]{0,99}");
    }

    private ZonedDateTime date(Node node, String name) throws RepositoryException {
        return node.getProperty(name).getDate().toInstant().atZone(zone);
    }

    private static String text(Node node, String name) throws RepositoryException {
        return text(node, name, "");
    }

    private static String text(Node node, String name, String fallback) throws RepositoryException {
        if (!node.hasProperty(name) || node.getProperty(name).isMultiple()) {
            return fallback;
        }
        return node.getProperty(name).getString();
    }

    private static Long number(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name) || node.getProperty(name).isMultiple()) {
            return null;
        }
        try {
            return node.getProperty(name).getLong();
        } catch (javax.jcr.ValueFormatException e) {
            return null;
        }
    }

    private static Double decimal(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name) || node.getProperty(name).isMultiple()) {
            return null;
        }
        try {
            return node.getProperty(name).getDouble();
        } catch (javax.jcr.ValueFormatException e) {
            return null;
        }
    }

    private static List<String> texts(Node node, String name) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return List.of();
        }
        Property property = node.getProperty(name);
        if (!property.isMultiple()) {
            return List.of(property.getString());
        }
        List<String> values = new ArrayList<>();
        for (Value value : property.getValues()) {
            values.add(value.getString());
        }
        return List.copyOf(values);
    }
}
