package fr.usinesouvertes.events.survey;

import fr.usinesouvertes.events.attendance.AttendanceRecords;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.CompanyFollowUp;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.commons.JcrUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queues the e-mails of the day after a visit: the survey ({@link MailKind#SURVEY}) to its registrants, and the
 * company's follow-up ({@link MailKind#COMPANY_FOLLOW_UP}) once its site's last visit of the edition is over.
 *
 * <p>Who gets the survey: the confirmed registrations checked in present at the gate. A slot nobody checked in (no
 * attendance recorded at all) cannot tell who came, so every confirmed registration of it gets the survey, whose
 * e-mail says to ignore it when one could not come. Waiting and cancelled registrations never get it.
 *
 * <p>When: from the day after the visit's day (site's time zone), for {@value #DAYS_AFTER} days (a visit older than that
 * when the job first sees it is left alone). Runs as the run-once cluster job {@value #JOB}; per slot, commits of at most
 * {@value #MAX_PER_COMMIT} e-mails queue them (as a bulk, {@link MailQueue#enqueueBulk}) and mark each registration ({@value #REGISTRATION_DONE}); the last marks
 * the registrations folder ({@value #FOLDER_DONE}) and, as the reminders do, every commit rewrites a random
 * {@value #FOLDER_TOKEN} on it, so two nodes running the job at once cannot both commit. A company's follow-up is
 * queued with a marker {@code /mailqueue/followUps/<year>-<sheet>} created in the same commit: a second node creating
 * the same marker conflicts.
 */
public final class SurveyInvitations {

    public static final String JOB = "visit-surveys";
    static final String FOLDER_DONE = "surveyHandled";
    static final String FOLDER_TOKEN = "surveyToken";
    static final String REGISTRATION_DONE = "surveySent";
    static final String FOLLOW_UPS = "followUps";
    /** Most surveys queued by one commit. */
    static final int MAX_PER_COMMIT = 200;
    /** How many days after the visit the survey may still be sent. */
    static final int DAYS_AFTER = 7;
    /** The company space's app of survey results, from the site's address. */
    public static final String COMPANY_RESULTS = "/admin/avis/";
    private static final Logger LOG = LoggerFactory.getLogger(SurveyInvitations.class);

    private final ContentRepository repository;
    private final MailQueue queue;
    private final Runnable onMailQueued;
    private final SurveyLinks links;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param onMailQueued wakes the mail worker after a commit that queued e-mails
     * @param clock        the platform's clock: "the day after" is by it
     * @param zone         the site's time zone, in which a visit's day is a date
     */
    public SurveyInvitations(ContentRepository repository, MailQueue queue, Runnable onMailQueued, SurveyLinks links,
                             PublicUrl publicUrl, Clock clock, ZoneId zone) {
        this.repository = repository;
        this.queue = queue;
        this.onMailQueued = onMailQueued;
        this.links = links;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.zone = zone;
        try {
            repository.write(session -> {
                Node root = session.getNode("/" + MailQueue.WORKSPACE);
                if (!root.hasNode(FOLLOW_UPS)) {
                    root.addNode(FOLLOW_UPS, "oak:Unstructured");
                }
                return null;
            });
        } catch (RuntimeException e) {
            // another node starting at the same moment created it: its commit won
            if (!repository.read(session -> session.nodeExists("/" + MailQueue.WORKSPACE + "/" + FOLLOW_UPS))) {
                throw e;
            }
        }
    }

    /** Schedules the job on the cluster. */
    public void schedule(ClusterJobs jobs, Duration interval) {
        jobs.runOnce(JOB, interval, () -> {
            try {
                run();
            } catch (RuntimeException e) {
                LOG.error("Queuing the after-visit surveys failed; tried again at the next look", e);
            }
        });
    }

    /** A slot whose survey is due. */
    private record DueSlot(String slotId, Instant end) {
    }

    /** A sheet whose company's follow-up is due. */
    private record DueSheet(String marker, String sheetPath, List<String> slotIds) {
    }

    /** What a look found due. */
    private record Due(List<DueSlot> slots, List<DueSheet> sheets) {
    }

    /**
     * One look: queues the surveys and follow-ups that fell due. Safe to run again at any time.
     *
     * @return how many e-mails it queued
     */
    public int run() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        Due due = repository.read(session -> due(session, today));
        int queued = 0;
        for (DueSlot slot : due.slots()) {
            try {
                int batch;
                do {
                    int rank = queued;
                    batch = repository.write(session -> invite(session, slot, rank));
                    queued += batch;
                } while (batch == MAX_PER_COMMIT);
            } catch (RuntimeException e) {
                LOG.warn("Surveys of slot {} not queued this time: {}", slot.slotId(), e.getMessage());
            }
        }
        for (DueSheet sheet : due.sheets()) {
            try {
                queued += repository.write(session -> followUp(session, sheet));
            } catch (RuntimeException e) {
                LOG.warn("Follow-up of {} not queued this time: {}", sheet.sheetPath(), e.getMessage());
            }
        }
        if (queued > 0) {
            LOG.info("Queued {} after-visit e-mail(s)", queued);
            onMailQueued.run();
        }
        return queued;
    }

    private Due due(Session session, LocalDate today) throws RepositoryException {
        List<DueSlot> slots = new ArrayList<>();
        List<DueSheet> sheets = new ArrayList<>();
        if (!session.nodeExists("/events") || !session.nodeExists("/" + SlotBooking.WORKSPACE)) {
            return new Due(slots, sheets);
        }
        Node registrations = session.getNode("/" + SlotBooking.WORKSPACE);
        Node followUps = session.getNode("/" + MailQueue.WORKSPACE + "/" + FOLLOW_UPS);
        for (NodeIterator years = session.getNode("/events").getNodes(); years.hasNext(); ) {
            Node year = years.nextNode();
            for (NodeIterator it = year.getNodes(); it.hasNext(); ) {
                Node sheet = it.nextNode();
                String status = JcrUtils.getStringProperty(sheet, "status", "");
                if (!sheet.hasNode("slots") || !(status.equals("published") || status.equals("full"))) {
                    continue;
                }
                LocalDate lastDay = null;
                List<String> sheetSlots = new ArrayList<>();
                for (NodeIterator slotNodes = sheet.getNode("slots").getNodes(); slotNodes.hasNext(); ) {
                    Node slot = slotNodes.nextNode();
                    if (!slot.hasProperty("start") || !slot.hasProperty("end") || !slot.isNodeType("mix:referenceable")
                            || SlotBooking.isCancelled(slot)) {
                        continue;
                    }
                    Instant end = slot.getProperty("end").getDate().toInstant();
                    LocalDate day = slot.getProperty("start").getDate().toInstant().atZone(zone).toLocalDate();
                    lastDay = lastDay == null || day.isAfter(lastDay) ? day : lastDay;
                    String id = slot.getIdentifier();
                    sheetSlots.add(id);
                    if (inWindow(day, today) && registrations.hasNode(id)
                            && !JcrUtils.getBooleanProperty(registrations.getNode(id), FOLDER_DONE, false)) {
                        slots.add(new DueSlot(id, end));
                    }
                }
                String marker = year.getName() + "-" + sheet.getName();
                if (lastDay != null && inWindow(lastDay, today) && !followUps.hasNode(marker)) {
                    sheets.add(new DueSheet(marker, sheet.getPath(), sheetSlots));
                }
            }
        }
        return new Due(slots, sheets);
    }

    private static boolean inWindow(LocalDate visitDay, LocalDate today) {
        return today.isAfter(visitDay) && !today.isAfter(visitDay.plusDays(DAYS_AFTER));
    }

    /** One bounded commit of a slot's surveys; returns how many it queued ({@value #MAX_PER_COMMIT}: maybe more). */
    private int invite(Session session, DueSlot slot, int rank) throws RepositoryException {
        Node folder = session.getNode("/" + SlotBooking.WORKSPACE + "/" + slot.slotId());
        if (JcrUtils.getBooleanProperty(folder, FOLDER_DONE, false)) {
            return 0;
        }
        boolean checkedIn = AttendanceRecords.folder(session, slot.slotId(), false) != null;
        AttendanceRecords.Checked checked = AttendanceRecords.checked(session, slot.slotId());
        String siteUrl = publicUrl.base();
        int queued = 0;
        for (NodeIterator it = folder.getNodes(); it.hasNext() && queued < MAX_PER_COMMIT; ) {
            Node registration = it.nextNode();
            if (!registration.isNodeType("mgnl:contentNode") || !RegistrationStatus.CONFIRMED.is(registration)
                    || JcrUtils.getBooleanProperty(registration, REGISTRATION_DONE, false)) {
                continue;
            }
            String id = registration.getIdentifier();
            if (checkedIn && checked.present(id) == 0) {
                continue; // a no-show, or not checked at a slot that was
            }
            Lang lang = Lang.fromCode(JcrUtils.getStringProperty(registration, "lang", "fr"));
            queue.enqueueBulk(session, QueuedMail.of(MailKind.SURVEY, id, siteUrl, null,
                    Map.of("surveyUrl", links.url(siteUrl, id, slot.end(), lang))), rank + queued);
            registration.setProperty(REGISTRATION_DONE, true);
            queued++;
        }
        if (queued < MAX_PER_COMMIT) {
            folder.setProperty(FOLDER_DONE, true);
        }
        folder.setProperty(FOLDER_TOKEN, UUID.randomUUID().toString());
        return queued;
    }

    /** The company's follow-up, with its marker, in one commit; 0 when the company has no contact address. */
    private int followUp(Session session, DueSheet due) throws RepositoryException {
        Node followUps = session.getNode("/" + MailQueue.WORKSPACE + "/" + FOLLOW_UPS);
        if (followUps.hasNode(due.marker())) {
            return 0;
        }
        followUps.addNode(due.marker(), "oak:Unstructured");
        Node sheet = session.getNode(due.sheetPath());
        Node site = session.getNodeByIdentifier(sheet.getProperty("site").getString());
        Node company = session.getNodeByIdentifier(site.getProperty("company").getString());
        String to = JcrUtils.getStringProperty(company, "contactEmail", "");
        if (to.isBlank()) {
            return 0; // the marker alone: nobody to write to
        }
        long present = -1;
        for (String slotId : due.slotIds()) {
            if (AttendanceRecords.folder(session, slotId, false) != null) {
                AttendanceRecords.Checked checked = AttendanceRecords.checked(session, slotId);
                long slotPresent = checked.walkInPersons();
                for (String booking : checked.bookings().keySet()) {
                    slotPresent += checked.present(booking);
                }
                present = Math.max(present, 0) + slotPresent;
            }
        }
        String base = publicUrl.base();
        int edition = (int) JcrUtils.getLongProperty(sheet, "edition", Long.parseLong(sheet.getParent().getName()));
        CompanyFollowUp followUp = new CompanyFollowUp(to, JcrUtils.getStringProperty(site, "name", site.getName()),
                edition, present, base + COMPANY_RESULTS,
                base + "/admin/entreprise/sites/" + site.getName() + "/recrutement");
        queue.enqueue(session, QueuedMail.of(MailKind.COMPANY_FOLLOW_UP, sheet.getIdentifier(), base, null,
                followUp.toDetails()));
        return 1;
    }
}
