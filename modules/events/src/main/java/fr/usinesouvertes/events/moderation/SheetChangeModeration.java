package fr.usinesouvertes.events.moderation;

import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.events.company.CompanyGrants;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.events.company.SheetChanges;
import fr.usinesouvertes.events.company.SheetForm;
import fr.usinesouvertes.events.company.SlotForm;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.mail.CompanyMails;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.mail.VisitChange;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.events.site.SheetSlots;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.InvalidItemStateException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The organisers' side of the changes companies propose to published sheets ({@link SheetChanges}): the pending
 * changes with their differences, approval and sending back.
 *
 * <p>Approving applies the change to the published sheet in <em>one commit</em>: its fields (the contact e-mail
 * aside, which applied at once), its slots — a row naming a published slot updates that node (its jcr:uuid, which
 * registrations point to, stays), a row without id adds a slot (its registrations folder granted to the company), an
 * open published slot no row names is removed (refused if it has registrations meanwhile) —, a capacity raised
 * confirms the first waiting registrations that now fit through {@link SlotBooking#changeCapacity} (a capacity below
 * the persons confirmed meanwhile refuses the approval), and queues in the {@link MailQueue}: a
 * {@link MailKind#PROMOTION} per promoted registration and a {@link MailKind#VISIT_CHANGED} per confirmed or waiting
 * registration of a slot whose times moved, or of every open slot when the meeting point, access or parking changed
 * (the slot's {@code calendarSequence} goes up by one, so the attached {@code .ics} replaces the imported event). The
 * touched slots' ledgers are stamped, so a booking racing the approval conflicts with it and is retried; the approval
 * itself is retried after a conflicting commit. The company is e-mailed after the commit.
 *
 * <p>Sending back keeps the published sheet, marks the change {@code sentBack} with the organisers' message (the
 * company sees it, edits the change again or withdraws it) and e-mails the company.
 */
public final class SheetChangeModeration {

    public static final String MESSAGE_FIELD = "message";
    private static final int MAX_MESSAGE = 2_000;
    private static final int MAX_ATTEMPTS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(SheetChangeModeration.class);

    private final ContentRepository repository;
    private final EditionStore editions;
    private final CompanyGrants grants;
    private final MailQueue mailQueue;
    private final Runnable onMailQueued;
    private final MailSender mail;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final java.time.ZoneId zone;

    /** @param zone the site's time zone, in which the changes' slots are read and shown */
    public SheetChangeModeration(ContentRepository repository, CompanyGrants grants, MailQueue mailQueue,
                                 Runnable onMailQueued, MailSender mail, PublicUrl publicUrl, Clock clock,
                                 java.time.ZoneId zone) {
        this.repository = repository;
        this.zone = zone;
        this.editions = new EditionStore(repository, zone);
        this.grants = grants;
        this.mailQueue = mailQueue;
        this.onMailQueued = onMailQueued;
        this.mail = mail;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    /** A change waiting for the organisers. */
    public record Item(int year, String siteSlug, String siteName, String company, Instant submitted,
                       SheetChanges.Pending change) {
    }

    /** The pending changes of published sheets, oldest first (sent back ones wait for the company). */
    public List<Item> pending(Lang lang) {
        return repository.read(session -> {
            List<Item> items = new ArrayList<>();
            if (!session.nodeExists(EventSheets.ROOT)) {
                return items;
            }
            for (NodeIterator years = session.getNode(EventSheets.ROOT).getNodes(); years.hasNext(); ) {
                Node year = years.nextNode();
                if (!year.getName().matches("[0-9]{4}")) {
                    continue;
                }
                for (NodeIterator it = year.getNodes(); it.hasNext(); ) {
                    Node sheet = it.nextNode();
                    if (!sheet.isNodeType("mgnl:content") || !sheet.hasNode(SheetChanges.NODE) || !published(sheet)
                            || !SheetChanges.PENDING.equals(EventSheets.text(sheet.getNode(SheetChanges.NODE), "status"))) {
                        continue;
                    }
                    int y = Integer.parseInt(year.getName());
                    Node site = NodesByIdentifier.findIfExists(session, EventSheets.text(sheet, "site")).orElse(null);
                    Node company = site == null ? null
                            : NodesByIdentifier.findIfExists(session, EventSheets.text(site, "company")).orElse(null);
                    SheetChanges.Pending change = SheetChanges.pending(session, sheet, editions.find(y).orElse(null), zone, lang);
                    items.add(new Item(y, sheet.getName(), site == null ? sheet.getName() : EventSheets.text(site, "name"),
                            EventSheets.text(company, "name"), change.submitted(), change));
                }
            }
            items.sort(Comparator.comparing(Item::submitted, Comparator.nullsFirst(Comparator.naturalOrder())));
            return items;
        });
    }

    /** What an approval did. */
    public record Approval(int changedSlots, int addedSlots, int removedSlots, int notified, int promoted) {
    }

    /**
     * Applies a sheet's pending change (see the class comment).
     *
     * @throws NotFoundException when the sheet has no pending change
     * @throws RefusedException  when the sheet is no longer published, or a slot rule no longer holds
     */
    public Approval approve(int year, String siteSlug) {
        Committed committed = null;
        for (int attempt = 1; committed == null; attempt++) {
            try {
                committed = repository.write(session -> approveOnce(session, year, siteSlug));
            } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                if (!(e.getCause() instanceof InvalidItemStateException) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // a booking of one of the slots committed meanwhile: read everything again
            }
        }
        if (committed.approval().notified() + committed.approval().promoted() > 0) {
            onMailQueued.run();
        }
        send(committed.companyEmail(), CompanyMails.changeApproved(committed.companyEmail(), committed.siteName(), year,
                committed.approval().notified(), publicUrl.link("/usines/" + siteSlug)));
        return committed.approval();
    }

    private record Committed(Approval approval, String companyEmail, String siteName) {
    }

    private Committed approveOnce(Session session, int year, String siteSlug) throws RepositoryException {
        Node sheet = sheet(session, year, siteSlug);
        if (!sheet.hasNode(SheetChanges.NODE)
                || !SheetChanges.PENDING.equals(EventSheets.text(sheet.getNode(SheetChanges.NODE), "status"))) {
            throw new NotFoundException("Pending change of " + sheet.getPath());
        }
        if (!published(sheet)) {
            throw new RefusedException("Cette fiche n'est plus publiée : la modification ne peut être appliquée.");
        }
        Node site = NodesByIdentifier.findIfExists(session, EventSheets.text(sheet, "site"))
                .orElseThrow(() -> new NotFoundException("Site of " + siteSlug));
        Node company = NodesByIdentifier.findIfExists(session, EventSheets.text(site, "company"))
                .orElseThrow(() -> new NotFoundException("Company of " + siteSlug));
        SheetForm change = SheetChanges.readForm(sheet.getNode(SheetChanges.NODE), zone);
        GregorianCalendar now = GregorianCalendar.from(ZonedDateTime.now(clock)); // the clock's zone, not the server's

        List<VisitChange.FieldChange> placeChanges = SheetChanges.placeChanges(sheet, change);
        String contactEmail = EventSheets.text(sheet, "contactEmail"); // applied at once, not part of the change
        EventSheets.writeFields(sheet, change);
        sheet.setProperty("contactEmail", contactEmail.isEmpty() ? null : contactEmail);

        Map<String, Node> open = new HashMap<>();
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            if (!SlotBooking.isCancelled(slot)) {
                open.put(slot.getIdentifier(), slot);
            }
        }
        Set<String> kept = new HashSet<>();
        List<String> promoted = new ArrayList<>();
        Map<String, VisitChange> told = new HashMap<>();
        int changed = 0;
        int added = 0;
        Node folder = sheet.hasNode("slots") ? sheet.getNode("slots") : sheet.addNode("slots", "mgnl:contentNode");
        for (SlotForm row : change.slots()) {
            Node slot = row.id() == null ? null : open.get(row.id());
            if (row.id() != null && slot == null) {
                continue; // cancelled (or gone) since the change was proposed: it stays as it is
            }
            if (slot == null) {
                slot = folder.addNode(freeName(folder), "mgnl:contentNode");
                write(slot, row);
                slot.setProperty("capacity", row.capacity());
                grants.grant(session, company.getName(), SlotBooking.registrationsFolder(session, slot.getIdentifier()).getPath());
                added++;
                continue;
            }
            kept.add(row.id());
            ZonedDateTime start = date(slot, "start");
            ZonedDateTime end = date(slot, "end");
            boolean retimed = !start.toInstant().equals(row.start().toInstant()) || !end.toInstant().equals(row.end().toInstant());
            boolean differs = retimed || slot.getProperty("capacity").getLong() != row.capacity()
                    || !audiences(slot).equals(row.audiences().stream().map(Audience::id).sorted().toList())
                    || !java.util.Objects.equals(row.maxPersons(), slot.hasProperty("maxPersonsPerRegistration")
                    ? slot.getProperty("maxPersonsPerRegistration").getLong() : null);
            write(slot, row);
            if (slot.getProperty("capacity").getLong() != row.capacity()) {
                long confirmed = SlotCounts.of(session, slot).bookedPersons();
                if (row.capacity() < confirmed) {
                    throw new RefusedException("Le créneau du " + SheetChanges.label(slot, zone, Lang.FR) + " a maintenant "
                            + confirmed + " personnes confirmées : la capacité proposée (" + row.capacity()
                            + ") ne suffit plus. Renvoyez la modification à l'entreprise.");
                }
                promoted.addAll(SlotBooking.changeCapacity(session, slot, row.capacity(), now));
            }
            if (differs) {
                changed++;
            }
            if (retimed || !placeChanges.isEmpty()) {
                told.put(slot.getIdentifier(), new VisitChange(retimed ? start : null, retimed ? end : null, placeChanges));
            }
        }
        int removed = 0;
        for (Map.Entry<String, Node> entry : open.entrySet()) {
            if (kept.contains(entry.getKey())) {
                continue;
            }
            SlotCounts counts = SlotCounts.of(session, entry.getValue());
            if (counts.bookedPersons() > 0 || counts.waitingRegistrations() > 0) {
                throw new RefusedException("Le créneau du " + SheetChanges.label(entry.getValue(), zone, Lang.FR)
                        + " a maintenant des inscrits : il ne peut être supprimé. Renvoyez la modification à l'entreprise.");
            }
            SlotBooking.stampLedger(session, entry.getValue()); // a first booking racing the removal conflicts
            entry.getValue().remove();
            removed++;
        }
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            if (!SlotBooking.isCancelled(slot)) {
                String id = slot.getIdentifier();
                if (!told.containsKey(id) && !placeChanges.isEmpty() && kept.contains(id)) {
                    told.put(id, new VisitChange(null, null, placeChanges));
                }
            }
        }
        String siteUrl = publicUrl.base();
        int notified = 0;
        for (Map.Entry<String, VisitChange> entry : told.entrySet()) {
            Node slot = NodesByIdentifier.find(session, entry.getKey());
            long sequence = slot.hasProperty(SlotDirectory.CALENDAR_SEQUENCE)
                    ? slot.getProperty(SlotDirectory.CALENDAR_SEQUENCE).getLong() : 0;
            slot.setProperty(SlotDirectory.CALENDAR_SEQUENCE, sequence + 1);
            SlotBooking.stampLedger(session, slot); // a booking racing this commit conflicts, and is told on retry
            for (SlotBooking.CancelledRegistration registration : SlotBooking.activeRegistrations(session, slot)) {
                if (promoted.contains(registration.id())) {
                    continue; // its promotion e-mail, composed when sent, gives the new times
                }
                mailQueue.enqueue(session, QueuedMail.of(MailKind.VISIT_CHANGED, registration.id(), siteUrl,
                        registration.waitingPosition(), entry.getValue().toDetails()));
                notified++;
            }
        }
        for (String id : promoted) {
            mailQueue.enqueue(session, QueuedMail.of(MailKind.PROMOTION, id, siteUrl, null));
        }
        sheet.getNode(SheetChanges.NODE).remove();
        sheet.setProperty("changeApproved", now);
        return new Committed(new Approval(changed, added, removed, notified, promoted.size()),
                EventSheets.text(company, "contactEmail"), EventSheets.text(site, "name"));
    }

    /** The error of an organisers' message: missing or too long. */
    public static java.util.Optional<String> checkMessage(String message, Lang lang) {
        String text = message == null ? "" : message.strip();
        if (text.isEmpty()) {
            return java.util.Optional.of(Messages.of(Messages.COMPANY, lang).text("moderationError.noMessage"));
        }
        if (text.length() > MAX_MESSAGE) {
            return java.util.Optional.of(Messages.of(Messages.COMPANY, lang).format("moderationError.messageLength",
                    MAX_MESSAGE, text.length()));
        }
        return java.util.Optional.empty();
    }

    /**
     * Sends a pending change back to the company with a message; the published sheet stays as it is.
     *
     * @throws RefusedException  (field {@value #MESSAGE_FIELD}) for a missing or too long message
     * @throws NotFoundException when the sheet has no pending change
     */
    public void sendBack(int year, String siteSlug, String message, Lang lang) {
        checkMessage(message, lang).ifPresent(error -> {
            throw new RefusedException(MESSAGE_FIELD, error);
        });
        String text = message.strip();
        String[] contact = repository.write(session -> {
            Node sheet = sheet(session, year, siteSlug);
            if (!sheet.hasNode(SheetChanges.NODE)
                    || !SheetChanges.PENDING.equals(EventSheets.text(sheet.getNode(SheetChanges.NODE), "status"))) {
                throw new NotFoundException("Pending change of " + sheet.getPath());
            }
            Node change = sheet.getNode(SheetChanges.NODE);
            GregorianCalendar now = GregorianCalendar.from(ZonedDateTime.now(clock)); // the clock's zone, not the server's
            change.setProperty("status", SheetChanges.SENT_BACK);
            change.setProperty("sentBackMessage", text);
            change.setProperty("sentBackAt", now);
            Node site = NodesByIdentifier.findIfExists(session, EventSheets.text(sheet, "site")).orElse(null);
            Node company = site == null ? null
                    : NodesByIdentifier.findIfExists(session, EventSheets.text(site, "company")).orElse(null);
            return new String[] {EventSheets.text(company, "contactEmail"), site == null ? siteSlug : EventSheets.text(site, "name")};
        });
        send(contact[0], CompanyMails.changeSentBack(contact[0], contact[1], year, text));
    }

    private void send(String to, OutgoingMail message) {
        if (to == null || to.isBlank()) {
            LOG.warn("No contact e-mail for a moderated change; nothing sent");
            return;
        }
        try {
            mail.send(message);
        } catch (MailException | IllegalArgumentException e) {
            LOG.warn("Change moderation e-mail could not be sent: {}", e.getMessage());
        }
    }

    private static void write(Node slot, SlotForm row) throws RepositoryException {
        slot.setProperty("start", GregorianCalendar.from(row.start()));
        slot.setProperty("end", GregorianCalendar.from(row.end()));
        slot.setProperty("audiences", row.audiences().stream().map(Audience::id).sorted().toArray(String[]::new));
        if (row.maxPersons() != null) {
            slot.setProperty("maxPersonsPerRegistration", row.maxPersons().longValue());
        } else if (slot.hasProperty("maxPersonsPerRegistration")) {
            slot.getProperty("maxPersonsPerRegistration").remove();
        }
    }

    private static List<String> audiences(Node slot) throws RepositoryException {
        List<String> ids = new ArrayList<>();
        if (slot.hasProperty("audiences")) {
            for (javax.jcr.Value value : slot.getProperty("audiences").getValues()) {
                ids.add(value.getString());
            }
        }
        ids.sort(null);
        return ids;
    }

    private static boolean published(Node sheet) throws RepositoryException {
        String status = EventSheets.text(sheet, "status");
        return status.equals(EventSheets.PUBLISHED) || status.equals("full");
    }

    private static Node sheet(Session session, int year, String siteSlug) throws RepositoryException {
        String path = EventSheets.ROOT + "/" + year + "/" + siteSlug;
        if (siteSlug == null || !siteSlug.matches("[a-z0-9][a-z0-9-]{0,99}") || !session.nodeExists(path)) {
            throw new NotFoundException("Event sheet " + year + "/" + siteSlug);
        }
        return session.getNode(path);
    }

    private static String freeName(Node folder) throws RepositoryException {
        int n = 0;
        while (folder.hasNode(Integer.toString(n))) {
            n++;
        }
        return Integer.toString(n);
    }

    private ZonedDateTime date(Node node, String property) throws RepositoryException {
        return node.getProperty(property).getDate().toInstant().atZone(zone);
    }
}
