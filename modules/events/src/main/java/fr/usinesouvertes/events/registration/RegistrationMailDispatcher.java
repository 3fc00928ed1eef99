package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.CompanyMessage;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.TicketImage;
import fr.usinesouvertes.events.mail.TicketImages;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.metrics.EventsMetrics;
import fr.usinesouvertes.platform.mail.MailException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued registration e-mails in batches: reads each entry's registration and slot, composes
 * the message, hands it to the transport (several at a time: an SMTP exchange mostly waits on the
 * network), then records the whole batch in one commit (sent entries removed, failed ones rescheduled
 * with a doubling delay, or given up after the last attempt and logged). Logs carry the registration
 * id, never the address. A cancellation alert ({@link MailKind#CANCELLATION_ALERT}) carries its whole message and
 * reads neither.
 */
public final class RegistrationMailDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationMailDispatcher.class);

    private final MailQueue queue;
    private final RegistrationRecords records;
    private final SlotDirectory slots;
    private final ManageLinks links;
    private final RegistrationMailer mailer;
    private final OtherDates otherDates;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final int batchSize;
    private final ExecutorService senders;
    private final EventsMetrics metrics;
    private final TicketImages tickets;
    private final java.time.Clock clock;

    /**
     * @param retryDelay  wait before the second attempt, doubled at each further one
     * @param maxAttempts attempts before an e-mail is given up
     * @param batchSize   entries sent between two commits (what a crash may send twice)
     * @param parallel    messages handed to the transport at the same time
     */
    public RegistrationMailDispatcher(MailQueue queue, RegistrationRecords records, SlotDirectory slots, ManageLinks links,
                                      RegistrationMailer mailer, Duration retryDelay, int maxAttempts, int batchSize,
                                      int parallel) {
        this(queue, records, slots, links, mailer, OtherDates.NONE, retryDelay, maxAttempts, batchSize, parallel);
    }

    /** @param otherDates open slots nearby, offered to the registrants of a cancelled visit */
    public RegistrationMailDispatcher(MailQueue queue, RegistrationRecords records, SlotDirectory slots, ManageLinks links,
                                      RegistrationMailer mailer, OtherDates otherDates, Duration retryDelay,
                                      int maxAttempts, int batchSize, int parallel) {
        this(queue, records, slots, links, mailer, otherDates, retryDelay, maxAttempts, batchSize, parallel,
                EventsMetrics.none());
    }

    /** @param metrics counts the e-mails sent and the attempts that failed */
    public RegistrationMailDispatcher(MailQueue queue, RegistrationRecords records, SlotDirectory slots, ManageLinks links,
                                      RegistrationMailer mailer, OtherDates otherDates, Duration retryDelay,
                                      int maxAttempts, int batchSize, int parallel, EventsMetrics metrics) {
        this(queue, records, slots, links, mailer, otherDates, TicketImages.NONE, java.time.Clock.systemUTC(), retryDelay,
                maxAttempts, batchSize, parallel, metrics);
    }

    /**
     * @param tickets the ticket (QR code) of the e-mails to a confirmed registration
     * @param clock   the platform's clock: a reminder still queued once its visit started is dropped
     */
    public RegistrationMailDispatcher(MailQueue queue, RegistrationRecords records, SlotDirectory slots, ManageLinks links,
                                      RegistrationMailer mailer, OtherDates otherDates, TicketImages tickets,
                                      java.time.Clock clock, Duration retryDelay, int maxAttempts, int batchSize,
                                      int parallel, EventsMetrics metrics) {
        this.tickets = tickets;
        this.clock = clock;
        this.metrics = metrics;
        this.otherDates = otherDates;
        this.queue = queue;
        this.records = records;
        this.slots = slots;
        this.links = links;
        this.mailer = mailer;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        AtomicInteger threads = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "registration-mail-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one batch did. */
    public record BatchResult(int sent, int failed, boolean transportDown) {

        /** Whether the queue may hold more entries due now. */
        public boolean worthAnotherBatch(int batchSize) {
            return !transportDown && sent + failed >= batchSize;
        }
    }

    /**
     * Sends one batch of due entries if {@code stillInCharge} holds (this node keeps the job's lease).
     * A transport failure tells the caller to leave the server alone for a while.
     */
    public BatchResult sendDue(BooleanSupplier stillInCharge) {
        if (!stillInCharge.getAsBoolean()) {
            return new BatchResult(0, 0, false);
        }
        List<QueuedMail> due = queue.due(batchSize);
        if (due.isEmpty()) {
            return new BatchResult(0, 0, false);
        }
        // The batch's registrations and slots in two reads, not two per e-mail.
        Map<String, Optional<RegistrationRecord>> registrations = records.findAll(due.stream()
                .filter(mail -> mail.kind().toRegistrant()).map(QueuedMail::registrationId).toList());
        Map<String, Optional<BookableSlot>> slotsById = slots.findAll(registrations.values().stream()
                .flatMap(Optional::stream).map(RegistrationRecord::slotId).distinct().toList());
        List<Future<MailQueue.Failure>> attempts = new ArrayList<>(due.size());
        List<QueuedMail> sent = new ArrayList<>();
        List<QueuedMail> toSend = new ArrayList<>(due.size());
        for (QueuedMail mail : due) {
            Optional<RegistrationRecord> record = registrations.getOrDefault(mail.registrationId(), Optional.empty());
            Optional<BookableSlot> slot = record.flatMap(found -> slotsById.getOrDefault(found.slotId(), Optional.empty()));
            if (obsolete(mail, record, slot)) {
                sent.add(mail); // removed unsent: see obsolete()
                LOG.debug("Dropped the {} e-mail of {}: no longer confirmed or the visit is over", mail.kind(), mail.about());
                continue;
            }
            toSend.add(mail);
            attempts.add(senders.submit(() -> attempt(mail, record, slot)));
        }
        List<MailQueue.Failure> failures = new ArrayList<>();
        boolean transportDown = false;
        for (int i = 0; i < toSend.size(); i++) {
            MailQueue.Failure failure = outcome(attempts.get(i), toSend.get(i));
            if (failure == null) {
                sent.add(toSend.get(i));
                metrics.mailSent(toSend.get(i).kind().name());
            } else {
                failures.add(failure);
                metrics.mailFailed(toSend.get(i).kind().name(), failure.permanent());
                transportDown |= !failure.permanent();
            }
        }
        if (sent.isEmpty() && failures.isEmpty()) {
            return new BatchResult(0, 0, false);
        }
        for (QueuedMail gaveUp : queue.settle(sent, failures, retryDelay, maxAttempts)) {
            LOG.error("Gave up the {} e-mail of {} after {} attempt(s): {}; it stays in /{}/failed "
                    + "(see the 'mail-queue' command)", gaveUp.kind(), gaveUp.about(), gaveUp.attempts(),
                    gaveUp.lastError(), MailQueue.WORKSPACE);
        }
        return new BatchResult(sent.size(), failures.size(), transportDown);
    }

    /**
     * Whether an entry no longer has a reason to be sent: a reminder or a company's message to a registration that was
     * cancelled or put back on the waiting list meanwhile (queued before a racing cancellation committed), or whose
     * visit was cancelled or has started. Such an entry is removed unsent.
     */
    private boolean obsolete(QueuedMail mail, Optional<RegistrationRecord> record, Optional<BookableSlot> slot) {
        if (mail.kind() != MailKind.REMINDER && mail.kind() != MailKind.COMPANY_MESSAGE) {
            return false;
        }
        if (record.isEmpty() || slot.isEmpty()) {
            return false; // reported as a failure, like any entry whose registration vanished
        }
        return !fr.usinesouvertes.events.booking.RegistrationStatus.CONFIRMED.stored().equals(record.get().status())
                || slot.get().cancelled()
                || (mail.kind() == MailKind.REMINDER && !clock.instant().isBefore(slot.get().visit().start().toInstant()));
    }

    /** The ticket of a registration holding seats, for the e-mails that show it. */
    private TicketImage ticket(QueuedMail mail, RegistrationRecord record, BookableSlot slot) {
        boolean confirmed = fr.usinesouvertes.events.booking.RegistrationStatus.CONFIRMED.stored().equals(record.status());
        boolean shows = switch (mail.kind()) {
            case CONFIRMATION, PROMOTION, CHANGED, VISIT_CHANGED, REMINDER -> true;
            default -> false;
        };
        return confirmed && shows && mail.position() == null && !slot.cancelled()
                ? tickets.ticket(record.id(), slot.visit().end().toInstant(), mail.siteUrl()) : null;
    }

    /** Sends one entry; answers why it failed, or {@code null} once handed over. */
    private MailQueue.Failure attempt(QueuedMail mail, Optional<RegistrationRecord> record, Optional<BookableSlot> slot) {
        try {
            Optional<String> problem = send(mail, record, slot);
            return problem.map(reason -> new MailQueue.Failure(mail, reason, true)).orElse(null);
        } catch (MailException e) {
            LOG.warn("Could not send the {} e-mail of {} (attempt {}), retrying later: {}", mail.kind(),
                    mail.about(), mail.attempts() + 1, e.getMessage());
            return new MailQueue.Failure(mail, e.getMessage(), false);
        } catch (IllegalArgumentException e) {
            return new MailQueue.Failure(mail, e.getMessage(), true);
        }
    }

    private static MailQueue.Failure outcome(Future<MailQueue.Failure> attempt, QueuedMail mail) {
        try {
            return attempt.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new MailQueue.Failure(mail, "interrupted", false);
        } catch (ExecutionException e) {
            return new MailQueue.Failure(mail, String.valueOf(e.getCause()), false);
        }
    }

    /** Composes and sends one entry; answers why it can never be sent, or empty once handed over. */
    private Optional<String> send(QueuedMail mail, Optional<RegistrationRecord> record, Optional<BookableSlot> slot) {
        if (mail.kind() == MailKind.CANCELLATION_ALERT) { // the whole message is in the entry
            mailer.sendCancellationAlert(fr.usinesouvertes.events.mail.CancellationAlert.fromDetails(mail.details()));
            return Optional.empty();
        }
        if (mail.kind() == MailKind.PREPARED) { // likewise
            mailer.sendPrepared(fr.usinesouvertes.events.mail.PreparedMail.fromDetails(mail.details()));
            return Optional.empty();
        }
        if (mail.kind() == MailKind.COMPANY_FOLLOW_UP) { // likewise
            mailer.sendCompanyFollowUp(fr.usinesouvertes.events.mail.CompanyFollowUp.fromDetails(mail.details()));
            return Optional.empty();
        }
        if (record.isEmpty()) {
            return Optional.of("the registration no longer exists");
        }
        if (slot.isEmpty()) {
            return Optional.of("the slot " + record.get().slotId() + " no longer exists");
        }
        String manageLink = links.link(mail.siteUrl(), mail.registrationId(), slot.get().visit().end().toInstant(),
                record.get().lang());
        try {
            if (mail.kind() == MailKind.VISIT_CANCELLED) {
                Lang lang = record.get().lang();
                mailer.sendVisitCancelled(slot.get().visit(), record.get(), mail.position(), manageLink,
                        otherDates.near(slot.get(), record.get().audience(), lang, mail.siteUrl()),
                        mail.siteUrl() + (lang == Lang.EN ? "/en" : "") + "/usines");
            } else if (mail.kind() == MailKind.VISIT_CHANGED) {
                mailer.sendVisitChanged(slot.get().visit(), record.get(), mail.position(), manageLink,
                        fr.usinesouvertes.events.mail.VisitChange.fromDetails(mail.details()),
                        ticket(mail, record.get(), slot.get()));
            } else if (mail.kind() == MailKind.SURVEY) {
                String surveyUrl = mail.details().get("surveyUrl");
                if (surveyUrl == null) {
                    return Optional.of("no survey link in the entry");
                }
                mailer.sendSurvey(slot.get().visit(), record.get(), surveyUrl);
            } else if (mail.kind() == MailKind.COMPANY_MESSAGE) {
                mailer.send(mail.kind(), slot.get().visit(), record.get(), null, manageLink, null, 0,
                        CompanyMessage.fromDetails(mail.details()));
            } else {
                int days = mail.kind() == MailKind.REMINDER ? reminderDays(mail) : 0;
                mailer.send(mail.kind(), slot.get().visit(), record.get(), mail.position(), manageLink,
                        ticket(mail, record.get(), slot.get()), days, null);
            }
        } catch (MailException e) {
            // The transport names the recipient; the log and the queue keep the registration id instead.
            String reason = String.valueOf(e.getMessage()).replace(record.get().email(), "<registrant>");
            throw new MailException(reason, e);
        }
        return Optional.empty();
    }

    private static int reminderDays(QueuedMail mail) {
        try {
            return Integer.parseInt(mail.details().getOrDefault("days", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Stops the sending threads once the messages in hand are sent. */
    @Override
    public void close() {
        senders.shutdown();
        try {
            senders.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
