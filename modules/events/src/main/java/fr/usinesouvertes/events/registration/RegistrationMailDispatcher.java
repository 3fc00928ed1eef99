package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.platform.mail.MailException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the queued registration e-mails in batches: reads each entry's registration and slot, composes
 * the message, hands it to the transport, then records the whole batch in one commit (sent entries
 * removed, failed ones rescheduled with a doubling delay, or given up after the last attempt and
 * logged). Logs carry the registration id, never the address.
 */
public final class RegistrationMailDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationMailDispatcher.class);

    private final MailQueue queue;
    private final RegistrationRecords records;
    private final SlotDirectory slots;
    private final ManageLinks links;
    private final RegistrationMailer mailer;
    private final Duration retryDelay;
    private final int maxAttempts;
    private final int batchSize;

    /**
     * @param retryDelay  wait before the second attempt, doubled at each further one
     * @param maxAttempts attempts before an e-mail is given up
     * @param batchSize   entries sent between two commits (what a crash may send twice)
     */
    public RegistrationMailDispatcher(MailQueue queue, RegistrationRecords records, SlotDirectory slots, ManageLinks links,
                                      RegistrationMailer mailer, Duration retryDelay, int maxAttempts, int batchSize) {
        this.queue = queue;
        this.records = records;
        this.slots = slots;
        this.links = links;
        this.mailer = mailer;
        this.retryDelay = retryDelay;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
    }

    /** What one batch did. */
    public record BatchResult(int sent, int failed, boolean transportDown) {

        /** Whether the queue may hold more entries due now. */
        public boolean worthAnotherBatch(int batchSize) {
            return !transportDown && sent + failed >= batchSize;
        }
    }

    /**
     * Sends one batch of due entries while {@code stillInCharge} holds (this node keeps the job's lease).
     * Stops at the first transport failure: the server is down, the rest waits for the next batch.
     */
    public BatchResult sendDue(BooleanSupplier stillInCharge) {
        List<QueuedMail> due = queue.due(batchSize);
        List<QueuedMail> sent = new ArrayList<>();
        List<MailQueue.Failure> failures = new ArrayList<>();
        boolean transportDown = false;
        for (QueuedMail mail : due) {
            if (!stillInCharge.getAsBoolean()) {
                break;
            }
            try {
                Optional<String> problem = send(mail);
                if (problem.isPresent()) {
                    failures.add(new MailQueue.Failure(mail, problem.get(), true));
                } else {
                    sent.add(mail);
                }
            } catch (MailException e) {
                failures.add(new MailQueue.Failure(mail, e.getMessage(), false));
                LOG.warn("Could not send the {} e-mail of registration {} (attempt {}), retrying later: {}", mail.kind(),
                        mail.registrationId(), mail.attempts() + 1, e.getMessage());
                transportDown = true;
                break;
            } catch (IllegalArgumentException e) {
                failures.add(new MailQueue.Failure(mail, e.getMessage(), true));
            }
        }
        if (sent.isEmpty() && failures.isEmpty()) {
            return new BatchResult(0, 0, false);
        }
        for (QueuedMail gaveUp : queue.settle(sent, failures, retryDelay, maxAttempts)) {
            LOG.error("Gave up the {} e-mail of registration {} after {} attempt(s): {}; it stays in /{}/failed "
                    + "(see the 'mail-queue' command)", gaveUp.kind(), gaveUp.registrationId(), gaveUp.attempts(),
                    gaveUp.lastError(), MailQueue.WORKSPACE);
        }
        return new BatchResult(sent.size(), failures.size(), transportDown);
    }

    /** Composes and sends one entry; answers why it can never be sent, or empty once handed over. */
    private Optional<String> send(QueuedMail mail) {
        Optional<RegistrationRecord> record = records.find(mail.registrationId());
        if (record.isEmpty()) {
            return Optional.of("the registration no longer exists");
        }
        Optional<BookableSlot> slot = slots.find(record.get().slotId());
        if (slot.isEmpty()) {
            return Optional.of("the slot " + record.get().slotId() + " no longer exists");
        }
        String manageLink = links.link(mail.siteUrl(), mail.registrationId(), slot.get().visit().end().toInstant(),
                record.get().lang());
        try {
            mailer.send(mail.kind(), slot.get().visit(), record.get(), mail.position(), manageLink);
        } catch (MailException e) {
            // The transport names the recipient; the log and the queue keep the registration id instead.
            String reason = String.valueOf(e.getMessage()).replace(record.get().email(), "<registrant>");
            throw new MailException(reason, e);
        }
        return Optional.empty();
    }
}
