package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.edition.RegistrationWindow;
import fr.usinesouvertes.events.edition.WindowDecision;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.PathNotFoundException;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * A company's event sheets ({@code /events/<year>/<site slug>}, slots under {@code slots/<n>}) and their
 * status flow: draft → submitted (by the company, while the edition's company window is open in the
 * site's region) → published (organisers, see the moderation queue) or back to draft with a message;
 * cancelled at any time, with a reason, by {@code cancellation.VisitCancellations}.
 *
 * <p>The company edits on its own session (ACLs decide); creating the sheet node and the registrations
 * folders of new slots runs on a system session that grants them to the company at once.
 */
public final class EventSheets {

    public static final String ROOT = "/events";
    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String PUBLISHED = "published";
    public static final String CANCELLED = "cancelled";
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    private final ContentRepository repository;
    private final CompanyGrants grants;
    private final EditionStore editions;
    private final RegistrationWindow window;
    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the site's time zone: a slot's day and times are read and written there */
    public EventSheets(ContentRepository repository, CompanyGrants grants, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.grants = grants;
        this.editions = new EditionStore(repository, zone);
        this.window = new RegistrationWindow(clock, zone);
        this.clock = clock;
        this.zone = zone;
    }

    /** The edition companies work on now. */
    public Edition currentEdition() {
        return CurrentEdition.of(editions, clock, zone)
                .orElseThrow(() -> new RefusedException("Aucune édition n'est configurée."));
    }

    /** The site's time zone, in which the company's forms mean their days and times. */
    public ZoneId zone() {
        return zone;
    }

    /** The sheet of one of the company's sites for an edition, if it has one. */
    public Optional<SheetSummary> find(CompanySession company, int year, String siteSlug) {
        return company.read(session -> {
            Node site = CompanySites.ownSite(session, company, siteSlug);
            String path = sheetPath(year, siteSlug);
            return session.nodeExists(path) ? Optional.of(summary(session.getNode(path), site, editionOrNull(year), zone))
                    : Optional.<SheetSummary>empty();
        });
    }

    /** Creates or replaces the content of a draft sheet; refused once submitted or published. */
    public void save(CompanySession company, String siteSlug, SheetForm form) {
        Edition edition = currentEdition();
        String path = sheetPath(edition.year(), siteSlug);
        company.read(session -> CompanySites.ownSite(session, company, siteSlug));
        repository.write(session -> {
            if (!session.nodeExists(path)) {
                Node folder = yearFolder(session, edition.year());
                Node sheet = folder.addNode(siteSlug, "mgnl:content");
                sheet.setProperty("site", session.getNode(CompanySites.ROOT + "/" + siteSlug).getIdentifier());
                sheet.setProperty("edition", (long) edition.year());
                sheet.setProperty("status", DRAFT);
                grants.grant(session, company.company(), sheet.getPath());
            }
            return null;
        });
        company.write(session -> {
            Node sheet = session.getNode(path);
            String status = text(sheet, "status");
            if (!status.equals(DRAFT)) {
                throw new RefusedException("Seule une fiche en brouillon peut être modifiée (statut : " + status + ").");
            }
            writeFields(sheet, form);
            writeSlots(sheet, form.slots());
            return null;
        });
        repository.write(session -> {
            RegistrationFolders.grantAll(session, session.getNode(path), company.company(), grants);
            return null;
        });
    }

    /** Sends a draft sheet to the organisers' moderation queue, while the company window is open for the site's region. */
    public void submit(CompanySession company, String siteSlug, Lang lang) {
        Edition edition = currentEdition();
        company.write(session -> {
            Node site = CompanySites.ownSite(session, company, siteSlug);
            Node sheet = ownSheet(session, edition.year(), siteSlug);
            if (!text(sheet, "status").equals(DRAFT)) {
                throw new RefusedException(Messages.of(Messages.COMPANY, lang).text("submitError.notDraft"));
            }
            if (!sheet.hasNode("slots") || !sheet.getNode("slots").getNodes().hasNext()) {
                throw new RefusedException(Messages.of(Messages.COMPANY, lang).text("submitError.noSlot"));
            }
            WindowDecision decision = window.signUp(edition, text(site, "region"), Audience.COMPANY);
            if (!decision.open()) {
                throw new RefusedException(decision.message().in(lang));
            }
            sheet.setProperty("status", SUBMITTED);
            sheet.setProperty("submitted", now());
            return null;
        });
    }

    /**
     * The company's sheet of the current edition for one of its sites, as its own session reads it (what the ACLs
     * hide is not found): checks a company may act on it, e.g. cancel it (see {@code cancellation.VisitCancellations}).
     *
     * @throws NotFoundException when the site or the sheet is not the company's, or does not exist
     */
    public SheetSummary requireOwn(CompanySession company, String siteSlug) {
        return find(company, currentEdition().year(), siteSlug)
                .orElseThrow(() -> new NotFoundException("Event sheet " + siteSlug));
    }

    static Node ownSheet(Session session, int year, String siteSlug) throws RepositoryException {
        try {
            return session.getNode(sheetPath(year, siteSlug));
        } catch (PathNotFoundException e) {
            throw new NotFoundException("Event sheet " + year + "/" + siteSlug);
        }
    }

    static String sheetPath(int year, String siteSlug) {
        return ROOT + "/" + year + "/" + siteSlug;
    }

    private Edition editionOrNull(int year) {
        return editions.find(year).orElse(null);
    }

    private static Node yearFolder(Session session, int year) throws RepositoryException {
        Node root = session.getNode(ROOT);
        String name = Integer.toString(year);
        return root.hasNode(name) ? root.getNode(name) : root.addNode(name, "mgnl:folder");
    }

    /** Writes the form's fields (not its slots) on a sheet; also applies an approved change ({@link SheetChanges}). */
    public static void writeFields(Node sheet, SheetForm form) throws RepositoryException {
        sheet.setProperty("registrationMode", form.registrationMode());
        sheet.setProperty("externalUrl", form.externalUrl());
        sheet.setProperty("contactEmail", form.contactEmail());
        sheet.setProperty("meetingPoint", form.meetingPoint());
        sheet.setProperty("access", form.access());
        sheet.setProperty("parking", form.parking());
        sheet.setProperty("safetyEquipment", form.safetyEquipment());
        if (form.minimumAge() != null) {
            sheet.setProperty("minimumAge", form.minimumAge().longValue());
        } else if (sheet.hasProperty("minimumAge")) {
            sheet.getProperty("minimumAge").remove();
        }
        sheet.setProperty("reducedMobilityAccess", form.reducedMobilityAccess());
        sheet.setProperty("languages", form.languages().toArray(String[]::new));
        sheet.setProperty("description", form.description());
    }

    /** Rewrites the slots in place, keeping the nodes (and so the ids) of the first ones. */
    private static void writeSlots(Node sheet, List<SlotForm> slots) throws RepositoryException {
        // addNode without a type (mgnl:contentNode by default): naming the type needs jcr:nodeTypeManagement,
        // which a company's write access does not include
        Node folder = sheet.hasNode("slots") ? sheet.getNode("slots") : sheet.addNode("slots");
        List<Node> existing = new ArrayList<>();
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType("mgnl:contentNode")) {
                existing.add(node);
            }
        }
        for (int i = 0; i < slots.size(); i++) {
            SlotForm form = slots.get(i);
            Node slot = i < existing.size() ? existing.get(i) : folder.addNode(freeName(folder, i));
            slot.setProperty("start", GregorianCalendar.from(form.start()));
            slot.setProperty("end", GregorianCalendar.from(form.end()));
            slot.setProperty("capacity", form.capacity());
            slot.setProperty("audiences", form.audiences().stream().sorted().map(Audience::id).toArray(String[]::new));
            if (form.maxPersons() != null) {
                slot.setProperty("maxPersonsPerRegistration", form.maxPersons().longValue());
            } else if (slot.hasProperty("maxPersonsPerRegistration")) {
                slot.getProperty("maxPersonsPerRegistration").remove();
            }
        }
        for (int i = slots.size(); i < existing.size(); i++) {
            SlotCounts counts = SlotCounts.of(existing.get(i).getSession(), existing.get(i));
            if (counts.bookedPersons() > 0 || counts.waitingRegistrations() > 0) {
                throw new RefusedException("Un créneau qui a des inscrits ne peut être supprimé.");
            }
            existing.get(i).remove();
        }
    }

    private static String freeName(Node folder, int index) throws RepositoryException {
        String name = Integer.toString(index);
        for (int n = index; folder.hasNode(name); n++) {
            name = Integer.toString(n + 1);
        }
        return name;
    }

    public static SheetSummary summary(Node sheet, Node site, Edition edition, ZoneId zone) throws RepositoryException {
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : SheetForm.TEXT_FIELDS) {
            values.put(field, sheet.hasProperty(field) ? sheet.getProperty(field).getString() : "");
        }
        values.put("reducedMobilityAccess", bool(sheet, "reducedMobilityAccess") ? "on" : "");
        if (sheet.hasProperty("languages")) {
            for (Value value : sheet.getProperty("languages").getValues()) {
                values.put("language." + value.getString(), "on");
            }
        }
        List<Node> slotNodes = new ArrayList<>();
        if (sheet.hasNode("slots")) {
            for (NodeIterator it = sheet.getNode("slots").getNodes(); it.hasNext(); ) {
                Node slot = it.nextNode();
                if (slot.isNodeType("mgnl:contentNode") && slot.hasProperty("start") && slot.hasProperty("end")) {
                    slotNodes.add(slot);
                }
            }
        }
        slotNodes.sort(Comparator.comparingLong(EventSheets::startMillis));
        List<SheetSummary.SlotSummary> slots = new ArrayList<>();
        for (Node slot : slotNodes) {
            slots.add(slotSummary(slot, edition, zone));
        }
        int year = sheet.hasProperty("edition") ? (int) sheet.getProperty("edition").getLong()
                : Integer.parseInt(sheet.getParent().getName());
        return new SheetSummary(year, sheet.getName(), text(site, "name"), text(sheet, "status"),
                text(sheet, "rejectionMessage"), values, List.copyOf(slots));
    }

    private static SheetSummary.SlotSummary slotSummary(Node slot, Edition edition, ZoneId zone) throws RepositoryException {
        ZonedDateTime start = slot.getProperty("start").getDate().toInstant().atZone(zone);
        ZonedDateTime end = slot.getProperty("end").getDate().toInstant().atZone(zone);
        String day = edition == null ? start.toLocalDate().toString()
                : edition.day(start.toLocalDate()).map(EventDay::name).orElse(start.toLocalDate().toString());
        List<String> audiences = new ArrayList<>();
        if (slot.hasProperty("audiences")) {
            for (Value value : slot.getProperty("audiences").getValues()) {
                audiences.add(value.getString());
            }
        }
        SlotCounts counts = SlotCounts.of(slot.getSession(), slot);
        return new SheetSummary.SlotSummary(slot.getIdentifier(), day, HOUR.format(start), HOUR.format(end),
                counts.capacity(), counts.bookedPersons(), counts.waitingRegistrations(),
                List.copyOf(audiences), slot.hasProperty("maxPersonsPerRegistration") ? number(slot, "maxPersonsPerRegistration") : null,
                bool(slot, fr.usinesouvertes.events.booking.SlotBooking.CANCELLED_FLAG));
    }

    private static long startMillis(Node slot) {
        try {
            return slot.getProperty("start").getDate().getTimeInMillis();
        } catch (RepositoryException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Now, stamped in the clock's zone (the site's, for the platform's clock) rather than the server's default. */
    private GregorianCalendar now() {
        return GregorianCalendar.from(ZonedDateTime.now(clock));
    }

    public static String text(Node node, String name) throws RepositoryException {
        return node != null && node.hasProperty(name) && !node.getProperty(name).isMultiple()
                ? node.getProperty(name).getString() : "";
    }

    private static long number(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getLong() : 0;
    }

    private static boolean bool(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) && node.getProperty(name).getBoolean();
    }
}
