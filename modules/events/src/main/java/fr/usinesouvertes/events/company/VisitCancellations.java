package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.metrics.EventsMetrics;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.company.EventSheets;
import fr.usinesouvertes.events.company.NotFoundException;
import fr.usinesouvertes.events.company.RefusedException;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.mail.CancellationAlert;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.events.site.SheetSlots;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import javax.jcr.InvalidItemStateException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Cancels a visit — a whole event sheet, or one slot of a published sheet — for its company or the organisers,
 * with a reason. One repository commit marks the sheet or slot cancelled (reason, who, when), cancels every
 * confirmed and waiting registration of the slots concerned (status, reason; the slots' counters go to zero) and
 * queues one {@link MailKind#VISIT_CANCELLED} e-mail per registration in the durable {@link MailQueue}, with the
 * {@link CancellationAlert}s to the organisers at the {@code mail-from} address and, when the organisers cancelled,
 * to the company: either all of it is saved or none, so a crash right after the commit still sends every e-mail and
 * a commit that fails sends none; they are sent once per cluster by the registration mail worker. A booking
 * racing the cancellation conflicts with it on the slot's ledger and, retried, finds the slot cancelled. Cancelling
 * what is already cancelled changes nothing and mails nothing.
 *
 * <p>Callers check who may cancel what: the company space checks the sheet belongs to the account's company.
 */
public final class VisitCancellations {

    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 1000;
    public static final String FIELD = "reason";
    private static final int MAX_ATTEMPTS = 5;

    /** Who cancels. */
    public enum Actor { COMPANY, ORGANISER }

    private final ContentRepository repository;
    private final MailQueue mailQueue;
    private final Runnable onMailQueued;
    private final String organisersEmail;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ZoneId zone;
    private final EventsMetrics metrics;

    /**
     * @param onMailQueued    called after a commit that queued e-mails (wakes the mail worker)
     * @param organisersEmail where organisers are alerted (the {@code mail-from} address)
     * @param zone            the site's time zone, in which slots' days and times are named
     */
    public VisitCancellations(ContentRepository repository, MailQueue mailQueue, Runnable onMailQueued,
                              String organisersEmail, PublicUrl publicUrl, Clock clock, ZoneId zone) {
        this(repository, mailQueue, onMailQueued, organisersEmail, publicUrl, clock, zone,
                EventsMetrics.none());
    }

    /** @param metrics counts the registrations cancelled with their visit */
    public VisitCancellations(ContentRepository repository, MailQueue mailQueue, Runnable onMailQueued,
                              String organisersEmail, PublicUrl publicUrl, Clock clock, ZoneId zone,
                              EventsMetrics metrics) {
        this.metrics = metrics;
        this.repository = repository;
        this.mailQueue = mailQueue;
        this.onMailQueued = onMailQueued;
        this.organisersEmail = organisersEmail;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.zone = zone;
    }

    /** The reason's error, if it is missing, too short or too long. */
    public static Optional<FieldError> checkReason(String reason, Lang lang) {
        int length = reason == null ? 0 : reason.strip().length();
        if (length >= MIN_REASON && length <= MAX_REASON) {
            return Optional.empty();
        }
        Messages messages = Messages.of(Messages.COMPANY, lang);
        return Optional.of(new FieldError(FIELD, length == 0 ? messages.text("cancelError.noReason")
                : messages.format("cancelError.reasonLength", MIN_REASON, MAX_REASON, length)));
    }

    /**
     * What cancelling would do, for the confirmation page.
     *
     * @param slotId a slot of the sheet, or {@code null} for the whole sheet
     */
    public Impact impact(int year, String siteSlug, String slotId, Lang lang) {
        return repository.read(session -> {
            Node sheet = sheet(session, year, siteSlug);
            Node slot = slotId == null ? null : slot(session, sheet, slotId);
            boolean already = CANCELLED.equals(EventSheets.text(sheet, "status")) || (slot != null && isCancelledSlot(slot));
            int confirmed = 0;
            long persons = 0;
            int waiting = 0;
            for (Node each : slot == null ? SheetSlots.inStartOrder(sheet) : List.of(slot)) {
                if (already || isCancelledSlot(each) || !session.nodeExists("/" + SlotBooking.WORKSPACE + "/" + each.getIdentifier())) {
                    continue;
                }
                for (NodeIterator it = session.getNode("/" + SlotBooking.WORKSPACE + "/" + each.getIdentifier()).getNodes(); it.hasNext(); ) {
                    Node registration = it.nextNode();
                    if (RegistrationStatus.CONFIRMED.is(registration)) {
                        confirmed++;
                        persons += registration.hasProperty("persons") ? registration.getProperty("persons").getLong() : 0;
                    } else if (RegistrationStatus.WAITLISTED.is(registration)) {
                        waiting++;
                    }
                }
            }
            return new Impact(siteName(session, sheet), slot == null ? "" : slotLabel(slot, lang),
                    EventSheets.text(sheet, "status"), already, confirmed, persons, waiting);
        });
    }

    /**
     * What a cancellation would change.
     *
     * @param slotLabel        the slot's day and times, or empty for the whole sheet
     * @param alreadyCancelled nothing would change
     */
    public record Impact(String siteName, String slotLabel, String sheetStatus, boolean alreadyCancelled,
                         int confirmedRegistrations, long confirmedPersons, int waitingRegistrations) {
    }

    /** What a cancellation did: whether it changed anything, and how many registrations it cancelled. */
    public record Outcome(boolean changed, int registrations) {
    }

    /**
     * Cancels a whole sheet ({@code slotId == null}) or one slot of a published sheet.
     *
     * @param reason  checked with {@link #checkReason} (refused otherwise)
     * @param account the login of who cancels, kept with the cancellation
     * @throws NotFoundException when there is no such sheet, or the slot is not one of it
     * @throws RefusedException  when a slot of a sheet that is not published is named
     */
    public Outcome cancel(int year, String siteSlug, String slotId, String reason, Actor actor, String account, Lang lang) {
        checkReason(reason, lang).ifPresent(error -> {
            throw new RefusedException(FIELD, error.message());
        });
        String text = reason.strip();
        Committed committed = null;
        for (int attempt = 1; committed == null; attempt++) {
            try {
                committed = repository.write(session -> cancelOnce(session, year, siteSlug, slotId, text, actor, account, lang));
            } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                if (!(e.getCause() instanceof InvalidItemStateException) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                // a booking or cancellation of one of the slots committed meanwhile: read everything again
            }
        }
        if (committed.mailsQueued() > 0) {
            onMailQueued.run();
        }
        metrics.cancellations(EventsMetrics.CancelledBy.VISIT, committed.registrations());
        return new Outcome(committed.changed(), committed.registrations());
    }

    /** What the commit did: whether it changed anything, the registrations it cancelled, the e-mails it queued. */
    private record Committed(boolean changed, int registrations, int mailsQueued) {

        static final Committed NOTHING = new Committed(false, 0, 0);
    }

    private Committed cancelOnce(Session session, int year, String siteSlug, String slotId, String reason, Actor actor,
                                 String account, Lang lang) throws RepositoryException {
        Node sheet = sheet(session, year, siteSlug);
        String status = EventSheets.text(sheet, "status");
        GregorianCalendar now = now();
        List<Node> affected;
        Node slot = null;
        if (slotId == null) {
            if (status.equals(CANCELLED)) {
                return Committed.NOTHING;
            }
            affected = new ArrayList<>();
            for (Node each : SheetSlots.inStartOrder(sheet)) {
                if (!isCancelledSlot(each)) {
                    affected.add(each);
                }
            }
            sheet.setProperty("cancelledFromStatus", status);
            sheet.setProperty("status", CANCELLED);
            mark(sheet, reason, actor, account, now);
        } else {
            slot = slot(session, sheet, slotId);
            if (status.equals(CANCELLED) || isCancelledSlot(slot)) {
                return Committed.NOTHING;
            }
            if (!status.equals(EventSheets.PUBLISHED) && !status.equals("full")) {
                throw new RefusedException(
                        Messages.of(Messages.COMPANY, lang).text("cancelError.notPublished"));
            }
            slot.setProperty(SlotBooking.CANCELLED_FLAG, true);
            mark(slot, reason, actor, account, now);
            affected = List.of(slot);
        }
        String siteUrl = publicUrl.base();
        int registrations = 0;
        long persons = 0;
        for (Node each : affected) {
            for (SlotBooking.CancelledRegistration cancelled : SlotBooking.cancelEveryRegistration(session, each, reason, now)) {
                mailQueue.enqueue(session, QueuedMail.of(MailKind.VISIT_CANCELLED, cancelled.id(), siteUrl,
                        cancelled.waitingPosition()));
                registrations++;
                if (cancelled.waitingPosition() == null) {
                    persons += NodesByIdentifier.find(session, cancelled.id()).getProperty("persons").getLong();
                }
            }
        }
        Node site = site(session, sheet);
        Node company = site == null ? null : NodesByIdentifier.findIfExists(session, EventSheets.text(site, "company")).orElse(null);
        String siteName = siteName(session, sheet);
        String what = slot == null ? "la fiche " + year + " du site « " + siteName + " »"
                : "le créneau du " + slotLabel(slot, Lang.FR) + " du site « " + siteName + " »";
        List<CancellationAlert> alerts = alerts(what, EventSheets.text(company, "name"),
                EventSheets.text(company, "contactEmail"), reason, actor, account, registrations, persons);
        String cancelledId = (slot == null ? sheet : slot).getIdentifier();
        for (CancellationAlert alert : alerts) {
            mailQueue.enqueue(session, QueuedMail.of(MailKind.CANCELLATION_ALERT, cancelledId, siteUrl, null,
                    alert.toDetails()));
        }
        return new Committed(true, registrations, registrations + alerts.size());
    }

    private void mark(Node node, String reason, Actor actor, String account, GregorianCalendar now) throws RepositoryException {
        node.setProperty("cancellationReason", reason);
        node.setProperty("cancelledBy", account);
        node.setProperty("cancelledByRole", actor.name().toLowerCase(java.util.Locale.ROOT));
        node.setProperty("cancelledAt", now);
    }

    /** The organisers' alert (when there is an address to send it to) and, when the organisers cancelled, the company's. */
    private List<CancellationAlert> alerts(String what, String companyName, String companyEmail, String reason,
                                           Actor actor, String account, int registrations, long persons) {
        List<CancellationAlert> alerts = new ArrayList<>();
        if (!organisersEmail.isBlank()) {
            alerts.add(new CancellationAlert(CancellationAlert.Recipient.ORGANISERS, organisersEmail, what, companyName,
                    reason, (actor == Actor.COMPANY ? "l'entreprise (" : "les organisateurs (") + account + ")",
                    registrations, persons, publicUrl.link("/admin/moderation/")));
        }
        if (actor == Actor.ORGANISER && !companyEmail.isBlank()) {
            alerts.add(new CancellationAlert(CancellationAlert.Recipient.COMPANY, companyEmail, what, companyName, reason,
                    "", registrations, persons, ""));
        }
        return alerts;
    }

    /** The cancellations of an edition, most recent first, for the organisers. */
    public List<Cancellation> cancellations(int year) {
        return repository.read(session -> {
            List<Cancellation> found = new ArrayList<>();
            String path = EventSheets.ROOT + "/" + year;
            if (!session.nodeExists(path)) {
                return found;
            }
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                if (!sheet.isNodeType("mgnl:content")) {
                    continue;
                }
                if (CANCELLED.equals(EventSheets.text(sheet, "status")) && sheet.hasProperty("cancelledAt")) {
                    found.add(cancellation(session, sheet, sheet, null));
                }
                for (Node slot : SheetSlots.inStartOrder(sheet)) {
                    if (isCancelledSlot(slot) && slot.hasProperty("cancelledAt")) {
                        found.add(cancellation(session, sheet, slot, slotLabel(slot, Lang.FR)));
                    }
                }
            }
            found.sort(Comparator.comparing(Cancellation::at).reversed());
            return found;
        });
    }

    /**
     * A cancellation, as the organisers see it.
     *
     * @param slotLabel the slot's day and times, or {@code null} for a whole sheet
     * @param byRole    {@code company} or {@code organiser}
     */
    public record Cancellation(int year, String siteSlug, String siteName, String slotLabel, String reason, String by,
                               String byRole, Instant at, String previousStatus) {
    }

    private Cancellation cancellation(Session session, Node sheet, Node cancelled, String slotLabel) throws RepositoryException {
        return new Cancellation(Integer.parseInt(sheet.getParent().getName()), sheet.getName(), siteName(session, sheet),
                slotLabel, EventSheets.text(cancelled, "cancellationReason"), EventSheets.text(cancelled, "cancelledBy"),
                EventSheets.text(cancelled, "cancelledByRole"), cancelled.getProperty("cancelledAt").getDate().toInstant(),
                EventSheets.text(sheet, "cancelledFromStatus"));
    }

    /** The published sheets of an edition with their slots, for the organisers to pick what to cancel. */
    public List<Cancellable> published(int year, Lang lang) {
        return repository.read(session -> {
            List<Cancellable> found = new ArrayList<>();
            String path = EventSheets.ROOT + "/" + year;
            if (!session.nodeExists(path)) {
                return found;
            }
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                String status = EventSheets.text(sheet, "status");
                if (!sheet.isNodeType("mgnl:content") || !(status.equals(EventSheets.PUBLISHED) || status.equals("full"))) {
                    continue;
                }
                List<CancellableSlot> slots = new ArrayList<>();
                for (Node slot : SheetSlots.inStartOrder(sheet)) {
                    slots.add(new CancellableSlot(slot.getIdentifier(), slotLabel(slot, lang), isCancelledSlot(slot)));
                }
                found.add(new Cancellable(year, sheet.getName(), siteName(session, sheet), List.copyOf(slots)));
            }
            found.sort(Comparator.comparing(Cancellable::siteName));
            return found;
        });
    }

    /** A published sheet the organisers may cancel, whole or slot by slot. */
    public record Cancellable(int year, String siteSlug, String siteName, List<CancellableSlot> slots) {
    }

    /** A slot of a published sheet. */
    public record CancellableSlot(String id, String label, boolean cancelled) {
    }

    private static final String CANCELLED = EventSheets.CANCELLED;

    static boolean isCancelledSlot(Node slot) throws RepositoryException {
        return slot.hasProperty(SlotBooking.CANCELLED_FLAG) && slot.getProperty(SlotBooking.CANCELLED_FLAG).getBoolean();
    }

    private static Node sheet(Session session, int year, String siteSlug) throws RepositoryException {
        String path = EventSheets.ROOT + "/" + year + "/" + siteSlug;
        if (siteSlug == null || !siteSlug.matches("[a-z0-9][a-z0-9-]{0,99}") || !session.nodeExists(path)) {
            throw new NotFoundException("Event sheet " + year + "/" + siteSlug);
        }
        return session.getNode(path);
    }

    /** The slot {@code slotId} if it is one of the sheet's. */
    private static Node slot(Session session, Node sheet, String slotId) throws RepositoryException {
        for (Node slot : SheetSlots.inStartOrder(sheet)) {
            if (slot.getIdentifier().equals(slotId)) {
                return slot;
            }
        }
        throw new NotFoundException("Slot " + slotId + " of " + sheet.getPath());
    }



    private static Node site(Session session, Node sheet) throws RepositoryException {
        return NodesByIdentifier.findIfExists(session, EventSheets.text(sheet, "site")).orElse(null);
    }

    private static String siteName(Session session, Node sheet) throws RepositoryException {
        Node site = site(session, sheet);
        return site == null ? sheet.getName() : EventSheets.text(site, "name");
    }

    /** "vendredi 20 mars 2026, 9 h 30 – 11 h 30", in the site's time zone. */
    private String slotLabel(Node slot, Lang lang) throws RepositoryException {
        return FrenchDates.slot(slot.getProperty("start").getDate().toInstant(),
                slot.getProperty("end").getDate().toInstant(), zone, lang);
    }

    /** Now, stamped in the clock's zone (the site's, for the platform's clock) rather than the server's default. */
    private GregorianCalendar now() {
        return GregorianCalendar.from(ZonedDateTime.now(clock));
    }
}
