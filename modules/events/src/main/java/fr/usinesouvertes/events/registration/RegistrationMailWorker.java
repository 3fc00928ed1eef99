package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link RegistrationMailDispatcher} on exactly one node of the cluster (the holder of the
 * {@value #JOB} lease of {@link ClusterJobs}; the lease moves to another node when this one dies), on
 * its own thread: shortly after this node queues an e-mail, and every poll interval for those queued by
 * other nodes or due for a retry. After a transport failure it waits for the retry delay.
 *
 * <p>"Shortly": woken by a registration, it lingers {@value #LINGER_MILLIS} ms before sending, so that during a
 * rush the e-mails of many registrations go in one batch, recorded sent in one commit, instead of a commit for
 * every few e-mails (each commit costs a disk flush and Oak's commit hooks).
 */
public final class RegistrationMailWorker implements AutoCloseable {

    public static final String JOB = "registration-mail";
    static final long LINGER_MILLIS = 100;
    private static final Logger LOG = LoggerFactory.getLogger(RegistrationMailWorker.class);

    private final ClusterJobs jobs;
    private final RegistrationMailDispatcher dispatcher;
    private final Duration poll;
    private final Duration pauseAfterFailure;
    private final int batchSize;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signal = lock.newCondition();
    private final Thread thread;
    private final MailQueueHealth health;
    private boolean woken;
    private volatile boolean running = true;
    private long pausedUntilNanos;

    /**
     * @param poll              how often to look for entries queued elsewhere or due for a retry
     * @param pauseAfterFailure how long to leave the transport alone after it failed
     */
    public RegistrationMailWorker(ClusterJobs jobs, RegistrationMailDispatcher dispatcher, Duration poll,
                                  Duration pauseAfterFailure, int batchSize) {
        this(jobs, dispatcher, poll, pauseAfterFailure, batchSize, null);
    }

    /** @param health told after each round, for the readiness check; {@code null}: none */
    public RegistrationMailWorker(ClusterJobs jobs, RegistrationMailDispatcher dispatcher, Duration poll,
                                  Duration pauseAfterFailure, int batchSize, MailQueueHealth health) {
        this.health = health;
        if (health != null) {
            health.leader(() -> jobs.isLeader(JOB));
        }
        this.jobs = jobs;
        this.dispatcher = dispatcher;
        this.poll = poll;
        this.pauseAfterFailure = pauseAfterFailure;
        this.batchSize = batchSize;
        this.thread = new Thread(this::run, "registration-mail");
        this.thread.setDaemon(true);
        this.thread.start();
        jobs.runOnce(JOB, poll, this::wake); // taking the lease wakes the worker too
    }

    /** Asks for a look at the queue now (called after a commit that queued an e-mail). */
    public void wake() {
        lock.lock();
        try {
            woken = true;
            signal.signal();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (running) {
            if (awaitWork(poll)) {
                linger();
            }
            if (!running || !jobs.isLeader(JOB)) {
                if (health != null) {
                    health.notInCharge();
                }
                continue;
            }
            if (System.nanoTime() - pausedUntilNanos < 0) {
                if (health != null) {
                    health.alive();
                }
                continue; // leaving a failed transport alone (new e-mails wait too)
            }
            try {
                RegistrationMailDispatcher.BatchResult result;
                do {
                    result = dispatcher.sendDue(() -> running && jobs.isLeader(JOB));
                    if (health != null) {
                        health.batch(result);
                    }
                } while (running && result.worthAnotherBatch(batchSize));
                if (result.transportDown()) {
                    pausedUntilNanos = System.nanoTime() + pauseAfterFailure.toNanos();
                }
            } catch (RuntimeException e) {
                LOG.error("Sending queued registration e-mails failed; trying again in {} ms", poll.toMillis(), e);
                pausedUntilNanos = System.nanoTime() + poll.toNanos();
            }
        }
    }

    /** @return whether it was woken (rather than the poll interval running out) */
    private boolean awaitWork(Duration timeout) {
        lock.lock();
        try {
            long nanos = timeout.toNanos();
            while (!woken && running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            boolean wasWoken = woken;
            woken = false;
            return wasWoken;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits {@value #LINGER_MILLIS} ms for more e-mails to be queued, unless closing. */
    private void linger() {
        lock.lock();
        try {
            long nanos = Duration.ofMillis(LINGER_MILLIS).toNanos();
            while (running && nanos > 0) {
                nanos = signal.awaitNanos(nanos);
            }
            woken = false; // the batch about to be sent takes what was queued meanwhile
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops after the batch in progress; what is left stays queued for the next holder of the lease. */
    @Override
    public void close() {
        running = false;
        wake(); // no interrupt: it would close Oak's file channels in the middle of a commit
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dispatcher.close();
    }
}
