package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.platform.module.HealthCheck;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The readiness check {@value #NAME}: down when the registration e-mails' queue is stuck. It reads what the
 * {@link RegistrationMailWorker} reports after each of its rounds, and at most every few seconds two cheap reads of the
 * queue (the names of its minute folders, the sizes of its folders), never the entries: the queue may hold thousands.
 *
 * <p>Down when, for longer than {@link #stuckAfter} (the threshold):
 * <ul>
 *   <li>this node's worker holds the job's lease but has not finished a round (hung in the transport or the
 *       repository, or its thread died);</li>
 *   <li>this node's worker sends nothing: every attempt failed on the transport (an SMTP server refusing or away)
 *       since then, and e-mails are still pending;</li>
 *   <li>on any node: the oldest pending entry has been due since then, to the minute (no node sends: no worker holds
 *       the lease, or it skips the entry).</li>
 * </ul>
 */
public final class MailQueueHealth implements HealthCheck {

    public static final String NAME = "events.mail-queue";
    private static final Duration MAX_CACHE = Duration.ofSeconds(5);

    private final MailQueue queue;
    private final Clock clock;
    private final Duration stuckAfter;
    private final Duration cacheFor;
    private volatile BooleanSupplier leader = () -> false;
    private volatile long lastRoundMillis;
    private volatile long failingSinceMillis = -1;
    private volatile Cached<long[]> counts;
    private volatile Cached<Optional<Instant>> overdue;

    /**
     * @param clock      real time, as the queue's retries
     * @param stuckAfter see {@link #stuckAfter(Duration, Duration)}
     */
    public MailQueueHealth(MailQueue queue, Clock clock, Duration stuckAfter) {
        this.queue = queue;
        this.clock = clock;
        this.stuckAfter = stuckAfter;
        this.cacheFor = stuckAfter.dividedBy(2).compareTo(MAX_CACHE) < 0 ? stuckAfter.dividedBy(2) : MAX_CACHE;
        this.lastRoundMillis = clock.millis();
    }

    /**
     * The threshold derived from the worker's timing: after a failed transport the worker leaves it alone for
     * {@code mail-retry-delay}, and otherwise looks at the queue every {@code poll}, so that a due e-mail is attempted
     * within one retry delay and a poll. Twice the retry delay plus 60 polls leaves room for a slow batch:
     * 3 minutes with the defaults (60 s, 1 s).
     */
    public static Duration stuckAfter(Duration retryDelay, Duration poll) {
        return retryDelay.multipliedBy(2).plus(poll.multipliedBy(60));
    }

    public Duration threshold() {
        return stuckAfter;
    }

    /** Whether this node's worker holds the job's lease (given once the worker exists). */
    void leader(BooleanSupplier holdsTheLease) {
        this.leader = holdsTheLease;
    }

    /** The worker is alive: it finished a round, or skipped one (not in charge, or leaving a failed transport alone). */
    void alive() {
        lastRoundMillis = clock.millis();
    }

    /** The worker does not hold the lease: what it saw of the transport is another node's business now. */
    void notInCharge() {
        failingSinceMillis = -1;
        alive();
    }

    /** What one batch did. */
    void batch(RegistrationMailDispatcher.BatchResult result) {
        if (result.sent() > 0) {
            failingSinceMillis = -1;
        } else if (result.transportDown() && failingSinceMillis < 0) {
            failingSinceMillis = clock.millis();
        } else if (result.sent() == 0 && result.failed() == 0 && failingSinceMillis >= 0 && !queue.anyPending()) {
            failingSinceMillis = -1; // what failed gave up or was sent by another node: nothing waits any more
        }
        alive();
    }

    @Override
    public Result check() {
        long now = clock.millis();
        if (leader.getAsBoolean() && now - lastRoundMillis > stuckAfter.toMillis()) {
            return Result.down("mail worker holds the lease but finished no round for " + seconds(now - lastRoundMillis));
        }
        long failingSince = failingSinceMillis;
        if (failingSince >= 0 && now - failingSince > stuckAfter.toMillis()) {
            // the transport's error names hosts: it stays in the log, this answer is public
            return Result.down("no e-mail sent for " + seconds(now - failingSince) + ": the mail server fails (see the log)");
        }
        Optional<Instant> oldest = overdue(now);
        if (oldest.isPresent()) {
            return Result.down("an e-mail due since " + oldest.get() + " is not sent (threshold "
                    + seconds(stuckAfter.toMillis()) + ")");
        }
        long[] depth = counts();
        return Result.up(depth[0] + " e-mail(s) queued, " + depth[1] + " given up");
    }

    /** Pending and failed entries, read at most every few seconds: for the check's detail and the queue's gauges. */
    public long[] counts() {
        long now = clock.millis();
        Cached<long[]> cached = counts;
        if (cached == null || now - cached.readAt() >= cacheFor.toMillis()) {
            cached = new Cached<>(now, queue.counts());
            counts = cached;
        }
        return cached.value();
    }

    private Optional<Instant> overdue(long now) {
        Cached<Optional<Instant>> cached = overdue;
        if (cached == null || now - cached.readAt() >= cacheFor.toMillis()) {
            // the minute folder's start: an entry there is due since that minute at the latest
            cached = new Cached<>(now, queue.oldestDueBefore(Instant.ofEpochMilli(now).minus(stuckAfter).minusSeconds(60)));
            overdue = cached;
        }
        return cached.value();
    }

    private record Cached<T>(long readAt, T value) {
    }

    private static String seconds(long millis) {
        return (millis / 1000) + " s";
    }
}
