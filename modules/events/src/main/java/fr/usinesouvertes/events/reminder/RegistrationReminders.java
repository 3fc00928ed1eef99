package fr.usinesouvertes.events.reminder;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the reminder e-mails ({@link MailKind#REMINDER}) before each visit: by default 7 days and 1 day before its
 * start (the edition's {@code reminderDays}, else the {@code reminder-days} setting), to every confirmed registration booked before that moment (a booking made
 * 3 days before gets the 1-day reminder only; one made the evening before gets none). Waiting registrations get none:
 * they hold no seat, and a reminder would bring them to the gate without one; a promotion's e-mail carries their ticket.
 *
 * <p>Runs as the run-once cluster job {@value #JOB} (one node at a time) every {@code reminder-interval}. Each look
 * reads the slots (not cancelled, of published or full sheets, not started) and, on each slot's registrations folder,
 * which reminders were handled ({@value #FOLDER_DONE}: days); only a slot with a reminder due and not handled has its
 * registrations read. Per slot, commits of at most {@value #MAX_PER_COMMIT} reminders each queue the e-mails in the
 * mail queue (sent by the mail worker like every registration e-mail, with its retries) and mark each registration
 * reminded ({@value #REGISTRATION_DONE}: days); the last one marks the folder handled. Bounded commits keep the
 * repository's commit short, so bookings committing meanwhile do not wait behind a slot of thousands; the e-mails are
 * queued as a bulk ({@link MailQueue#enqueueBulk}: {@value MailQueue#BULK_PER_MINUTE} due a minute), so their sending
 * neither takes the machine from registrations nor delays their e-mails. A reminder goes
 * once per booking, even after a crash (the commit holds both) or if two nodes ran the
 * job at once (each commit also writes a random {@value #FOLDER_TOKEN} on the folder: Oak refuses the second one).
 *
 * <p>When several reminders are due at once (the platform was stopped through the first one's moment), only the
 * nearest to the visit is sent; the others are marked handled. A registration moved to another slot keeps its markers,
 * so it is not reminded twice for the same number of days.
 */
public final class RegistrationReminders {

    /** The run-once job's name. */
    public static final String JOB = "registration-reminders";
    /** On a slot's registrations folder: the reminders (days) handled for the slot. */
    static final String FOLDER_DONE = "remindersHandled";
    /** On a registration: the reminders (days) queued for it. */
    static final String REGISTRATION_DONE = "remindersSent";
    /** On a slot's registrations folder: rewritten with a random value by every commit queuing its reminders. */
    static final String FOLDER_TOKEN = "remindersToken";
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationReminders.class);
    private static final String EVENTS = "/events";
    /** Most reminders queued by one commit. */
    static final int MAX_PER_COMMIT = 200;

    private final ContentRepository repository;
    private final MailQueue queue;
    private final Runnable onMailQueued;
    private final List<Integer> defaultDays;
    private final fr.usinesouvertes.events.edition.EditionStore editions;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param days         days before a visit, largest first (the {@code reminder-days} setting); empty: no reminders,
     *                     unless an edition has its own {@code reminderDays}
     * @param onMailQueued wakes the mail worker after a commit that queued reminders
     * @param clock        the platform's clock: reminders fall due by it
     * @param zone         the site's time zone: "in 7 days" counts its calendar days
     */
    public RegistrationReminders(ContentRepository repository, MailQueue queue, Runnable onMailQueued, List<Integer> days,
                                 PublicUrl publicUrl, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.queue = queue;
        this.onMailQueued = onMailQueued;
        this.defaultDays = List.copyOf(days);
        this.editions = new fr.usinesouvertes.events.edition.EditionStore(repository, zone);
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.zone = zone;
    }

    /** Schedules the job on the cluster (an edition may have reminders even when the setting has none). */
    public void schedule(ClusterJobs jobs, Duration interval) {
        jobs.runOnce(JOB, interval, this::runLogged);
    }

    private void runLogged() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.error("Queuing the registration reminders failed; tried again at the next look", e);
        }
    }

    /** A slot with reminders to handle. */
    private record DueSlot(String slotId, Instant start, List<Integer> days) {
    }

    /**
     * One look: queues the reminders that fell due. Safe to run again at any time (what was handled is marked).
     *
     * @return how many reminder e-mails it queued
     */
    public int run() {
        Instant now = clock.instant();
        List<DueSlot> due = repository.read(session -> dueSlots(session, now));
        int queued = 0;
        for (DueSlot slot : due) {
            try {
                int batch;
                do { // bounded commits until the slot is done
                    int rank = queued;
                    batch = repository.write(session -> remind(session, slot, now, rank));
                    queued += Math.max(batch, 0);
                } while (batch == MAX_PER_COMMIT);
            } catch (RuntimeException e) {
                // a booking or cancellation of the slot committed meanwhile: the next look does it again
                LOG.warn("Reminders of slot {} not queued this time: {}", slot.slotId(), e.getMessage());
            }
        }
        if (queued > 0) {
            LOG.info("Queued {} reminder e-mail(s) for {} slot(s)", queued, due.size());
            onMailQueued.run();
        }
        return queued;
    }

    /** The reminders of {@code days} due at {@code now} for a visit starting at {@code start}, largest first. */
    private static List<Integer> dueDays(List<Integer> days, Instant start, Instant now) {
        List<Integer> due = new ArrayList<>();
        for (int day : days) {
            if (!now.isBefore(start.minus(day, ChronoUnit.DAYS)) && now.isBefore(start)) {
                due.add(day);
            }
        }
        return due;
    }

    private List<DueSlot> dueSlots(Session session, Instant now) throws RepositoryException {
        List<DueSlot> found = new ArrayList<>();
        if (!session.nodeExists(EVENTS) || !session.nodeExists("/" + SlotBooking.WORKSPACE)) {
            return found;
        }
        Node registrations = session.getNode("/" + SlotBooking.WORKSPACE);
        for (NodeIterator years = session.getNode(EVENTS).getNodes(); years.hasNext(); ) {
            Node year = years.nextNode();
            List<Integer> days = daysOf(year.getName());
            if (days.isEmpty()) {
                continue;
            }
            for (NodeIterator sheets = year.getNodes(); sheets.hasNext(); ) {
                Node sheet = sheets.nextNode();
                String status = sheet.hasProperty("status") ? sheet.getProperty("status").getString() : "";
                if (!sheet.hasNode("slots") || !(status.equals("published") || status.equals("full"))) {
                    continue;
                }
                for (NodeIterator slots = sheet.getNode("slots").getNodes(); slots.hasNext(); ) {
                    Node slot = slots.nextNode();
                    if (!slot.hasProperty("start") || !slot.isNodeType("mix:referenceable") || SlotBooking.isCancelled(slot)) {
                        continue;
                    }
                    Instant start = slot.getProperty("start").getDate().toInstant();
                    List<Integer> due = dueDays(days, start, now);
                    String id = slot.getIdentifier();
                    if (due.isEmpty() || !registrations.hasNode(id)) {
                        continue;
                    }
                    if (!handled(registrations.getNode(id), FOLDER_DONE).containsAll(due)) {
                        found.add(new DueSlot(id, start, days));
                    }
                }
            }
        }
        return found;
    }

    /** The reminder days of the edition of {@code year} (a folder of {@code /events}), else the setting's. */
    private List<Integer> daysOf(String year) {
        try {
            return editions.find(Integer.parseInt(year)).map(edition -> edition.reminderDaysOr(defaultDays))
                    .orElse(defaultDays);
        } catch (NumberFormatException e) {
            return defaultDays;
        }
    }

    /**
     * In one commit: up to {@value #MAX_PER_COMMIT} of the slot's reminders queued and their registrations marked; with
     * fewer (the last of the slot), the folder marked handled.
     *
     * @return the reminders queued: {@value #MAX_PER_COMMIT} when the slot may have more
     */
    private int remind(Session session, DueSlot slot, Instant now, int rank) throws RepositoryException {
        Node folder = session.getNode("/" + SlotBooking.WORKSPACE + "/" + slot.slotId());
        Set<Integer> handled = handled(folder, FOLDER_DONE);
        List<Integer> due = dueDays(slot.days(), slot.start(), now);
        if (due.isEmpty() || handled.containsAll(due)) {
            return 0;
        }
        int nearest = due.get(due.size() - 1); // the smallest number of days due: the others are past their moment
        int queued = 0;
        if (!handled.contains(nearest)) {
            Instant moment = slot.start().minus(nearest, ChronoUnit.DAYS);
            // "in 7 days", "tomorrow": calendar days in the site's zone between now and the visit
            long daysLeft = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), slot.start().atZone(zone).toLocalDate());
            String siteUrl = publicUrl.base();
            for (NodeIterator it = folder.getNodes(); it.hasNext() && queued < MAX_PER_COMMIT; ) {
                Node registration = it.nextNode();
                if (!registration.isNodeType("mgnl:contentNode") || !RegistrationStatus.CONFIRMED.is(registration)
                        || !bookedBefore(registration, moment)) {
                    continue;
                }
                Set<Integer> sent = handled(registration, REGISTRATION_DONE);
                if (sent.contains(nearest)) {
                    continue;
                }
                queue.enqueueBulk(session, QueuedMail.of(MailKind.REMINDER, registration.getIdentifier(), siteUrl, null,
                        Map.of("days", String.valueOf(daysLeft))), rank + queued);
                sent.add(nearest);
                registration.setProperty(REGISTRATION_DONE, strings(sent));
                queued++;
            }
        }
        if (queued < MAX_PER_COMMIT) {
            handled.addAll(due);
            folder.setProperty(FOLDER_DONE, strings(handled));
        }
        // A new random value each time, as the slot ledger's bookingToken: were two nodes to remind the same slot at
        // once, their commits would set the same marks to the same values, which Oak merges; this one differs, so Oak
        // refuses the second commit instead of sending every reminder twice.
        folder.setProperty(FOLDER_TOKEN, java.util.UUID.randomUUID().toString());
        return queued;
    }

    private static boolean bookedBefore(Node registration, Instant moment) throws RepositoryException {
        return registration.hasProperty("created")
                && registration.getProperty("created").getDate().toInstant().isBefore(moment);
    }

    private static Set<Integer> handled(Node node, String property) throws RepositoryException {
        Set<Integer> handled = new TreeSet<>();
        if (node.hasProperty(property)) {
            for (Value value : node.getProperty(property).getValues()) {
                try {
                    handled.add(Integer.parseInt(value.getString()));
                } catch (NumberFormatException e) {
                    // not ours: ignored
                }
            }
        }
        return handled;
    }

    private static String[] strings(Set<Integer> days) {
        return new LinkedHashSet<>(days).stream().map(String::valueOf).toArray(String[]::new);
    }
}
