package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EventDay;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.mail.VisitChange;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.site.SheetSlots;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * Changes a company proposes to its published (or full) event sheet. The published sheet stays as it is — the public
 * site, the Delivery API, the search and the bookings keep reading it — and the proposed values and slots are kept
 * beside it in the sheet's child node {@value #NODE} (properties only: {@code registrationMode} … {@code description},
 * {@code languages}, and {@code slot.N.id|start|end|capacity|audiences|maxPersons} per slot, {@code slot.N.id} naming
 * the published slot the row edits), with {@code status} ({@value #PENDING}, or {@value #SENT_BACK} with the
 * organisers' {@code sentBackMessage}) and {@code submitted}. Storing properties only, not slot nodes, keeps proposed
 * slots out of every reader of slots (bookings, pages, search) until the organisers apply them
 * ({@code moderation.SheetChangeModeration}).
 *
 * <p>The contact e-mail ({@link #IMMEDIATE_FIELDS}) needs no moderation: a new one is written to the published sheet
 * at once. Rules on slots: a published slot keeps its identity (its row carries its id), a slot with registrations
 * (confirmed or waiting) cannot be removed (cancelling it is the cancel flow) and its capacity cannot go below its
 * confirmed persons; new slots may be added; a slot's times may move, its registrants are then told on approval.
 * Cancelled slots are not in the form and stay as they are.
 */
public final class SheetChanges {

    public static final String NODE = "pendingChange";
    public static final String PENDING = "pending";
    public static final String SENT_BACK = "sentBack";
    /** Fields a company changes without moderation, applied to the published sheet at once. */
    public static final List<String> IMMEDIATE_FIELDS = List.of("contactEmail");
    /** Fields compared and shown in a change, in the form's order. */
    static final List<String> FIELDS = List.of("registrationMode", "externalUrl", "meetingPoint", "access", "parking",
            "safetyEquipment", "minimumAge", "reducedMobilityAccess", "languages", "description");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** What saving the form did. */
    public enum Outcome {
        /** The form equals the published sheet (and any pending change was dropped). */
        UNCHANGED,
        /** Only fields without moderation changed: applied. */
        APPLIED,
        /** A change waits for the organisers (immediate fields, if any, applied). */
        PENDING
    }

    /** Refused rows of a change: each error names its field. */
    public static final class ChangeRefusedException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient List<FieldError> errors;

        ChangeRefusedException(List<FieldError> errors) {
            super(errors.get(0).message());
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    private final Clock clock;
    private final ZoneId zone;

    /** @param zone the site's time zone, in which slots' days and times are read and shown */
    public SheetChanges(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    /**
     * Saves the form of a published sheet: immediate fields at once, the rest as the sheet's pending change (replacing
     * the previous one), all in one commit; nothing is written when a slot rule refuses it.
     *
     * @param raw the posted fields (the rows a company emptied still carry their slot's id)
     * @throws ChangeRefusedException naming the fields that break a slot rule
     */
    public Outcome propose(CompanySession company, int year, String siteSlug, SheetForm form, Map<String, String> raw,
                           Lang lang) {
        return company.write(session -> {
            CompanySites.ownSite(session, company, siteSlug);
            Node sheet = EventSheets.ownSheet(session, year, siteSlug);
            requirePublished(sheet, lang);
            List<FieldError> errors = check(session, sheet, form, raw, zone, lang);
            if (!errors.isEmpty()) {
                throw new ChangeRefusedException(errors);
            }
            boolean immediate = !Objects.equals(nullToEmpty(form.contactEmail()), EventSheets.text(sheet, "contactEmail"));
            if (immediate) {
                sheet.setProperty("contactEmail", nullToEmpty(form.contactEmail()));
            }
            boolean moderated = !fieldDiffs(sheet, form).isEmpty() || !slotsUnchanged(sheet, form, zone);
            if (sheet.hasNode(NODE)) {
                sheet.getNode(NODE).remove();
            }
            if (!moderated) {
                return immediate ? Outcome.APPLIED : Outcome.UNCHANGED;
            }
            Node change = sheet.addNode(NODE); // no type named: a company's session may not (mgnl:contentNode)
            writeForm(change, form);
            change.setProperty("status", PENDING);
            change.setProperty("submitted", GregorianCalendar.from(ZonedDateTime.now(clock))); // the clock's zone
            return Outcome.PENDING;
        });
    }

    /** Withdraws the sheet's pending (or sent back) change; the published sheet stays as it is. */
    public boolean withdraw(CompanySession company, int year, String siteSlug) {
        return company.write(session -> {
            CompanySites.ownSite(session, company, siteSlug);
            Node sheet = EventSheets.ownSheet(session, year, siteSlug);
            if (!sheet.hasNode(NODE)) {
                return false;
            }
            sheet.getNode(NODE).remove();
            return true;
        });
    }

    /** The sheet's change as the company sees it, if it has one. */
    public Optional<Pending> pending(CompanySession company, int year, String siteSlug, Edition edition, Lang lang) {
        return company.read(session -> {
            CompanySites.ownSite(session, company, siteSlug);
            Node sheet = EventSheets.ownSheet(session, year, siteSlug);
            return sheet.hasNode(NODE) ? Optional.of(pending(session, sheet, edition, zone, lang)) : Optional.<Pending>empty();
        });
    }

    /**
     * A sheet's change: its state, the organisers' message when sent back, the form's values and the differences.
     *
     * @param values the change as the sheet form's values (rows with their slot ids)
     * @param fields the fields that change
     * @param slots  the slots added, changed or removed (see {@link #slotDiffs})
     */
    public record Pending(String status, String sentBackMessage, java.time.Instant submitted, Map<String, String> values,
                         List<FieldDiff> fields, List<SlotDiff> slots) {
    }

    /** A field that changes, its published and proposed values as display text. */
    public record FieldDiff(String field, String before, String after) {
    }

    /**
     * A slot that a change adds, changes or removes.
     *
     * @param kind    {@code added}, {@code changed} or {@code removed}
     * @param id      the slot's id, empty when added
     * @param before  day, times, capacity and audiences as published, empty when added
     * @param after   the same as proposed, empty when removed
     * @param retimed its times move (its registrants are told)
     */
    public record SlotDiff(String kind, String id, String before, String after, boolean retimed, long booked,
                           long waiting) {
    }

    /**
     * A change as the {@code change-diff} template shows it.
     *
     * @param message the organisers' message when they sent it back, else empty
     */
    public record ChangeView(String status, String message, List<FieldDiff> fields, List<SlotDiff> slots) {
    }

    /**
     * Reads the change of {@code sheet} (which has one) on any session that may read the slots' counters, its slots'
     * days and times in {@code zone}.
     */
    public static Pending pending(Session session, Node sheet, Edition edition, ZoneId zone, Lang lang)
            throws RepositoryException {
        Node change = sheet.getNode(NODE);
        SheetForm form = readForm(change, zone);
        return new Pending(EventSheets.text(change, "status"), EventSheets.text(change, "sentBackMessage"),
                change.hasProperty("submitted") ? change.getProperty("submitted").getDate().toInstant() : null,
                formValues(form, edition, zone), fieldDiffs(sheet, form), slotDiffs(session, sheet, form, zone, lang));
    }

    /** The checks of the slot rules against the published slots, as the form's field errors. */
    static List<FieldError> check(Session session, Node sheet, SheetForm form, Map<String, String> raw, ZoneId zone,
                                  Lang lang) throws RepositoryException {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Node> published = new LinkedHashMap<>();
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            published.put(slot.getIdentifier(), slot);
        }
        Map<String, Integer> rows = new HashMap<>();
        for (int n = 0; n < SheetForm.MAX_SLOTS; n++) {
            String id = raw.get("slot." + n + ".id");
            if (id != null && !id.isBlank()) {
                rows.putIfAbsent(id.strip(), n);
            }
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        for (SlotForm slot : form.slots()) {
            if (slot.id() == null) {
                continue;
            }
            int row = rows.getOrDefault(slot.id(), 0);
            Node node = published.get(slot.id());
            if (node == null || SlotBooking.isCancelled(node) || !kept.add(slot.id())) {
                errors.add(new FieldError("slot." + row + ".start",
                        text(lang, "sheetChangeError.notAnOpenSlot")));
                continue;
            }
            SlotCounts counts = SlotCounts.of(session, node);
            if (slot.capacity() < counts.bookedPersons()) {
                errors.add(new FieldError("slot." + row + ".capacity",
                        text(lang, "sheetChangeError.capacityBelowBooked", counts.bookedPersons(), slot.capacity())));
            }
        }
        for (Map.Entry<String, Node> entry : published.entrySet()) {
            if (kept.contains(entry.getKey()) || SlotBooking.isCancelled(entry.getValue())) {
                continue;
            }
            SlotCounts counts = SlotCounts.of(session, entry.getValue());
            if (counts.bookedPersons() > 0 || counts.waitingRegistrations() > 0) {
                errors.add(new FieldError("slot." + rows.getOrDefault(entry.getKey(), 0) + ".start",
                        text(lang, "sheetChangeError.slotHasRegistrations", label(entry.getValue(), zone, lang),
                                counts.bookedPersons(), counts.waitingRegistrations())));
            }
        }
        return errors;
    }


    /** The fields whose proposed value differs from the published one (contact e-mail aside). */
    static List<FieldDiff> fieldDiffs(Node sheet, SheetForm form) throws RepositoryException {
        Map<String, String> after = fieldTexts(form);
        List<FieldDiff> diffs = new ArrayList<>();
        for (String field : FIELDS) {
            String before = publishedText(sheet, field);
            if (!before.equals(after.get(field))) {
                diffs.add(new FieldDiff(field, display(field, before), display(field, after.get(field))));
            }
        }
        return diffs;
    }

    /** The slots the change adds, changes or removes. */
    static List<SlotDiff> slotDiffs(Session session, Node sheet, SheetForm form, ZoneId zone, Lang lang)
            throws RepositoryException {
        List<SlotDiff> diffs = new ArrayList<>();
        Map<String, Node> published = new LinkedHashMap<>();
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            if (!SlotBooking.isCancelled(slot)) {
                published.put(slot.getIdentifier(), slot);
            }
        }
        for (SlotForm slot : form.slots()) {
            Node node = slot.id() == null ? null : published.remove(slot.id());
            String after = describe(slot.start(), slot.end(), slot.capacity(), slot.audiences(), slot.maxPersons(), zone,
                    lang);
            if (node == null) {
                diffs.add(new SlotDiff("added", "", "", after, false, 0, 0));
                continue;
            }
            String before = describe(node, zone, lang);
            if (!before.equals(after)) {
                SlotCounts counts = SlotCounts.of(session, node);
                boolean retimed = !instant(node, "start").equals(slot.start().toInstant())
                        || !instant(node, "end").equals(slot.end().toInstant());
                diffs.add(new SlotDiff("changed", node.getIdentifier(), before, after, retimed, counts.bookedPersons(),
                        counts.waitingRegistrations()));
            }
        }
        for (Node node : published.values()) {
            diffs.add(new SlotDiff("removed", node.getIdentifier(), describe(node, zone, lang), "", false, 0, 0));
        }
        return diffs;
    }

    private static boolean slotsUnchanged(Node sheet, SheetForm form, ZoneId zone) throws RepositoryException {
        List<Node> open = new ArrayList<>();
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            if (!SlotBooking.isCancelled(slot)) {
                open.add(slot);
            }
        }
        if (open.size() != form.slots().size()) {
            return false;
        }
        for (SlotForm slot : form.slots()) {
            Node node = open.stream().filter(n -> identifier(n).equals(slot.id())).findFirst().orElse(null);
            if (node == null || !describe(node, zone, Lang.FR).equals(describe(slot.start(), slot.end(), slot.capacity(),
                    slot.audiences(), slot.maxPersons(), zone, Lang.FR))) {
                return false;
            }
        }
        return true;
    }

    /** "samedi 21 mars 2026, 10 h – 12 h · 20 pers. (6 max. par inscription) · Grand public" */
    private static String describe(ZonedDateTime start, ZonedDateTime end, long capacity, Set<Audience> audiences,
                                   Long maxPersons, ZoneId zone, Lang lang) {
        String when = FrenchDates.slot(start.toInstant(), end.toInstant(), zone, lang);
        return (maxPersons == null ? text(lang, "sheetChange.slot", when, capacity)
                : text(lang, "sheetChange.slotWithMax", when, capacity, maxPersons))
                + " · " + String.join(", ", audiences.stream().sorted().map(a -> AudienceLabels.of(a, lang)).toList());
    }

    private static String describe(Node slot, ZoneId zone, Lang lang) throws RepositoryException {
        Set<Audience> audiences = EnumSet.noneOf(Audience.class);
        if (slot.hasProperty("audiences")) {
            for (Value value : slot.getProperty("audiences").getValues()) {
                Audience.fromId(value.getString()).ifPresent(audiences::add);
            }
        }
        return describe(date(slot, "start", zone), date(slot, "end", zone), slot.getProperty("capacity").getLong(),
                audiences, slot.hasProperty("maxPersonsPerRegistration")
                        ? slot.getProperty("maxPersonsPerRegistration").getLong() : null, zone, lang);
    }

    /** "samedi 21 mars 2026, 10 h – 12 h", in {@code zone} */
    public static String label(Node slot, ZoneId zone, Lang lang) throws RepositoryException {
        return FrenchDates.slot(instant(slot, "start"), instant(slot, "end"), zone, lang);
    }

    /** The practical fields that tell where to go, before and after, that the change modifies. */
    public static List<VisitChange.FieldChange> placeChanges(Node sheet, SheetForm form) throws RepositoryException {
        Map<String, String> after = fieldTexts(form);
        List<VisitChange.FieldChange> changes = new ArrayList<>();
        for (String field : VisitChange.PLACE_FIELDS) {
            String before = publishedText(sheet, field);
            if (!before.equals(after.get(field))) {
                changes.add(new VisitChange.FieldChange(field, before, after.get(field)));
            }
        }
        return changes;
    }

    private static Map<String, String> fieldTexts(SheetForm form) {
        Map<String, String> texts = new HashMap<>();
        texts.put("registrationMode", nullToEmpty(form.registrationMode()));
        texts.put("externalUrl", nullToEmpty(form.externalUrl()));
        texts.put("meetingPoint", nullToEmpty(form.meetingPoint()));
        texts.put("access", nullToEmpty(form.access()));
        texts.put("parking", nullToEmpty(form.parking()));
        texts.put("safetyEquipment", nullToEmpty(form.safetyEquipment()));
        texts.put("minimumAge", form.minimumAge() == null ? "" : Long.toString(form.minimumAge()));
        texts.put("reducedMobilityAccess", form.reducedMobilityAccess() ? "on" : "");
        texts.put("languages", String.join(",", form.languages()));
        texts.put("description", nullToEmpty(form.description()));
        return texts;
    }

    private static String publishedText(Node sheet, String field) throws RepositoryException {
        return switch (field) {
            case "reducedMobilityAccess" -> sheet.hasProperty(field) && sheet.getProperty(field).getBoolean() ? "on" : "";
            case "languages" -> {
                List<String> codes = new ArrayList<>();
                if (sheet.hasProperty(field)) {
                    for (Value value : sheet.getProperty(field).getValues()) {
                        codes.add(value.getString());
                    }
                }
                yield String.join(",", codes);
            }
            default -> EventSheets.text(sheet, field);
        };
    }

    /** A field's value as the diff shows it: the description without its markup. */
    private static String display(String field, String value) {
        return field.equals("description") ? value.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip() : value;
    }

    /** Writes a form's values on the change node (see the class comment). */
    static void writeForm(Node node, SheetForm form) throws RepositoryException {
        Map<String, String> texts = fieldTexts(form);
        for (String field : List.of("registrationMode", "externalUrl", "meetingPoint", "access", "parking",
                "safetyEquipment", "description")) {
            node.setProperty(field, texts.get(field));
        }
        node.setProperty("contactEmail", nullToEmpty(form.contactEmail()));
        if (form.minimumAge() != null) {
            node.setProperty("minimumAge", form.minimumAge().longValue());
        }
        node.setProperty("reducedMobilityAccess", form.reducedMobilityAccess());
        node.setProperty("languages", form.languages().toArray(String[]::new));
        node.setProperty("slotCount", (long) form.slots().size());
        for (int n = 0; n < form.slots().size(); n++) {
            SlotForm slot = form.slots().get(n);
            String p = "slot." + n + ".";
            if (slot.id() != null) {
                node.setProperty(p + "id", slot.id());
            }
            node.setProperty(p + "start", GregorianCalendar.from(slot.start()));
            node.setProperty(p + "end", GregorianCalendar.from(slot.end()));
            node.setProperty(p + "capacity", slot.capacity());
            node.setProperty(p + "audiences", slot.audiences().stream().sorted().map(Audience::id).toArray(String[]::new));
            if (slot.maxPersons() != null) {
                node.setProperty(p + "maxPersons", slot.maxPersons().longValue());
            }
        }
    }

    /** Reads back what {@link #writeForm} wrote, the slots' times in {@code zone}. */
    public static SheetForm readForm(Node node, ZoneId zone) throws RepositoryException {
        List<SlotForm> slots = new ArrayList<>();
        long count = node.hasProperty("slotCount") ? node.getProperty("slotCount").getLong() : 0;
        for (int n = 0; n < count; n++) {
            String p = "slot." + n + ".";
            Set<Audience> audiences = EnumSet.noneOf(Audience.class);
            for (Value value : node.getProperty(p + "audiences").getValues()) {
                Audience.fromId(value.getString()).ifPresent(audiences::add);
            }
            slots.add(new SlotForm(date(node, p + "start", zone), date(node, p + "end", zone), node.getProperty(p + "capacity").getLong(),
                    audiences, node.hasProperty(p + "maxPersons") ? node.getProperty(p + "maxPersons").getLong() : null,
                    node.hasProperty(p + "id") ? node.getProperty(p + "id").getString() : null));
        }
        List<String> languages = new ArrayList<>();
        if (node.hasProperty("languages")) {
            for (Value value : node.getProperty("languages").getValues()) {
                languages.add(value.getString());
            }
        }
        return new SheetForm(EventSheets.text(node, "registrationMode"), emptyToNull(EventSheets.text(node, "externalUrl")),
                emptyToNull(EventSheets.text(node, "contactEmail")), emptyToNull(EventSheets.text(node, "meetingPoint")),
                emptyToNull(EventSheets.text(node, "access")), emptyToNull(EventSheets.text(node, "parking")),
                emptyToNull(EventSheets.text(node, "safetyEquipment")),
                node.hasProperty("minimumAge") ? node.getProperty("minimumAge").getLong() : null,
                node.hasProperty("reducedMobilityAccess") && node.getProperty("reducedMobilityAccess").getBoolean(),
                languages, emptyToNull(EventSheets.text(node, "description")), slots);
    }

    /** A form as the sheet form's values, each row with its slot's id and its day and times in {@code zone}. */
    static Map<String, String> formValues(SheetForm form, Edition edition, ZoneId zone) {
        Map<String, String> values = new LinkedHashMap<>(fieldTexts(form));
        values.remove("languages");
        values.put("contactEmail", nullToEmpty(form.contactEmail()));
        for (String code : form.languages()) {
            values.put("language." + code, "on");
        }
        for (int n = 0; n < form.slots().size(); n++) {
            SlotForm slot = form.slots().get(n);
            String p = "slot." + n + ".";
            ZonedDateTime start = slot.start().withZoneSameInstant(zone);
            values.put(p + "day", edition == null ? start.toLocalDate().toString()
                    : edition.day(start.toLocalDate()).map(EventDay::name).orElse(start.toLocalDate().toString()));
            values.put(p + "start", HOUR.format(start));
            values.put(p + "end", HOUR.format(slot.end().withZoneSameInstant(zone)));
            values.put(p + "capacity", Long.toString(slot.capacity()));
            values.put(p + "maxPersons", slot.maxPersons() == null ? "" : Long.toString(slot.maxPersons()));
            for (Audience audience : slot.audiences()) {
                values.put(p + "audience." + audience.id(), "on");
            }
            if (slot.id() != null) {
                values.put(p + "id", slot.id());
            }
        }
        return values;
    }

    /** A published sheet's open slots as the form's rows (with their ids), for a change; cancelled slots left out. */
    static Map<String, String> publishedValues(SheetSummary sheet) {
        Map<String, String> values = new LinkedHashMap<>(sheet.values());
        int n = 0;
        for (SheetSummary.SlotSummary slot : sheet.slots()) {
            if (slot.cancelled()) {
                continue;
            }
            String prefix = "slot." + n++ + ".";
            values.put(prefix + "id", slot.id());
            values.put(prefix + "day", slot.dayName());
            values.put(prefix + "start", slot.start());
            values.put(prefix + "end", slot.end());
            values.put(prefix + "capacity", Long.toString(slot.capacity()));
            values.put(prefix + "maxPersons", slot.maxPersons() == null ? "" : Long.toString(slot.maxPersons()));
            for (String audience : slot.audiences()) {
                values.put(prefix + "audience." + audience, "on");
            }
        }
        return values;
    }

    static void requirePublished(Node sheet, Lang lang) throws RepositoryException {
        String status = EventSheets.text(sheet, "status");
        if (!status.equals(EventSheets.PUBLISHED) && !status.equals("full")) {
            throw new RefusedException(text(lang, "sheetChangeError.notPublished"));
        }
    }

    private static String text(Lang lang, String key, Object... args) {
        return Messages.of(Messages.COMPANY, lang).format(key, args);
    }

    private static ZonedDateTime date(Node node, String property, ZoneId zone) throws RepositoryException {
        return instant(node, property).atZone(zone);
    }

    private static java.time.Instant instant(Node node, String property) throws RepositoryException {
        return node.getProperty(property).getDate().toInstant();
    }


    private static String identifier(Node node) {
        try {
            return node.getIdentifier();
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
