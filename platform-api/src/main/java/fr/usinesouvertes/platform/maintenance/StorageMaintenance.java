package fr.usinesouvertes.platform.maintenance;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.mail.OutboxMailSender;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RevisionGcReport;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javax.jcr.Node;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the node's storage bounded: the repository's revision garbage collection (nightly on one node of the cluster
 * through a run-once {@link ClusterJobs} job, or on demand from the back office) and the pruning of this node's
 * outbox. Runs one collection at a time on its own thread, never on the cluster jobs' thread, whose lease renewals
 * must go on meanwhile.
 */
public final class StorageMaintenance implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageMaintenance.class);
    static final String JOB = "revision-gc";
    private static final Duration JOB_CHECK = Duration.ofMinutes(1);
    private static final Duration OUTBOX_PRUNING = Duration.ofHours(6);
    private static final int PROGRESS_LINES = 50;

    private final ContentRepository repository;
    private final Clock clock;
    private final RevisionGcSchedule schedule;
    private final Duration reclaimAfter;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "storage-maintenance");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean collecting = new AtomicBoolean();
    private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
    private volatile Run last;

    /**
     * What the latest collection on this node did: a report, or the error that stopped it; {@code reclaimed}: what
     * reclaiming the generation it kept did, null until then.
     */
    public record Run(Instant started, String by, RevisionGcReport report, String error, RevisionGcReport reclaimed) {
    }

    /** What the back office shows. */
    public record Status(String store, long bytes, boolean collecting, List<String> progress, Run last,
                         Instant nextScheduled) {
    }

    /**
     * {@code at}: the nightly window's start in {@code zone}, empty when there is no nightly collection;
     * {@code reclaimAfter}: how long after a collection the generation it kept for the readers of older states is
     * reclaimed (the longest a request or export may read one state).
     */
    public StorageMaintenance(ContentRepository repository, Optional<LocalTime> at, Duration reclaimAfter, ZoneId zone,
                              Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.schedule = at.map(time -> new RevisionGcSchedule(time, zone)).orElse(null);
        this.reclaimAfter = reclaimAfter;
    }

    /** Checks every minute, on the node holding the job's lease, whether tonight's collection is due. */
    public void scheduleNightly(ClusterJobs jobs) {
        if (schedule != null) {
            jobs.runOnce(JOB, JOB_CHECK, this::startIfDue);
        }
    }

    /** Deletes this node's outbox messages older than {@code retention}, at start and every six hours. */
    public void pruneOutbox(OutboxMailSender outbox, Duration retention) {
        worker.scheduleWithFixedDelay(() -> {
            try {
                OutboxMailSender.Pruned pruned = outbox.prune(retention, Instant.now());
                if (pruned.files() > 0) {
                    LOG.info("Outbox: {} e-mails older than {} days deleted ({})", pruned.files(), retention.toDays(),
                            RevisionGcReport.megabytes(pruned.bytes()));
                }
            } catch (RuntimeException e) {
                LOG.warn("Outbox pruning failed; it runs again in six hours", e);
            }
        }, 0, OUTBOX_PRUNING.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts a collection on this node's maintenance thread; false when one is already running. {@code by}: who asked,
     * for the log and the back office.
     */
    public boolean start(String by) {
        if (!collecting.compareAndSet(false, true)) {
            return false;
        }
        try {
            worker.execute(() -> {
                try {
                    run(by, line -> { });
                } catch (RuntimeException e) {
                    // run() recorded and logged it
                }
            });
            return true;
        } catch (RuntimeException e) {
            collecting.set(false);
            throw e;
        }
    }

    /** Runs a collection now on the calling thread, telling {@code listener} its progress; returns its report. */
    public RevisionGcReport collect(String by, Consumer<String> listener) {
        if (!collecting.compareAndSet(false, true)) {
            throw new IllegalStateException("A revision garbage collection is already running on this node");
        }
        return run(by, listener);
    }

    private RevisionGcReport run(String by, Consumer<String> listener) {
        Instant started = clock.instant();
        progress.clear();
        try {
            LOG.info("Revision garbage collection started ({})", by);
            RevisionGcReport report = repository.backend().collectRevisions(line -> {
                LOG.info("Revision GC: {}", line);
                synchronized (progress) {
                    if (progress.size() == PROGRESS_LINES) {
                        progress.remove(0);
                    }
                    progress.add(line);
                }
                listener.accept(line);
            });
            if (report.completed()) {
                LOG.info("Revision garbage collection done: {}", report.summary());
            } else {
                LOG.warn("Revision garbage collection {}", report.summary());
            }
            Run run = new Run(started, by, report, null, null);
            last = run;
            if (report.completed()) {
                worker.schedule(() -> reclaim(run), reclaimAfter.toMillis(), TimeUnit.MILLISECONDS);
            }
            return report;
        } catch (RuntimeException e) {
            LOG.error("Revision garbage collection failed ({})", by, e);
            last = new Run(started, by, null, e.getMessage(), null);
            throw e;
        } finally {
            collecting.set(false);
        }
    }

    /** After {@code run}, reclaims the generation it kept; skipped while another collection runs (that one will). */
    private void reclaim(Run run) {
        if (!collecting.compareAndSet(false, true)) {
            return;
        }
        try {
            repository.backend().reclaimPreviousGeneration(line -> LOG.info("Revision GC: {}", line)).ifPresent(report -> {
                if (report.completed()) {
                    LOG.info("Previous generation reclaimed: {}", report.summary());
                } else {
                    LOG.warn("Reclaiming the previous generation {}", report.summary());
                }
                if (last == run) {
                    last = new Run(run.started(), run.by(), run.report(), null, report);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Reclaiming the generation before the collection of {} failed; the next collection does", run.started(), e);
        } finally {
            collecting.set(false);
        }
    }

    /** On the job's lease holder: starts tonight's collection once, marking it in the repository first. */
    private void startIfDue() {
        Instant now = clock.instant();
        if (!schedule.due(now, lastScheduledRun())) {
            return;
        }
        if (collecting.get()) {
            return;
        }
        markScheduledRun(now);
        start("nightly schedule");
    }

    private Instant lastScheduledRun() {
        return repository.read(session -> {
            String path = "/config/maintenance/" + JOB;
            return session.nodeExists(path) && session.getNode(path).hasProperty("lastRun")
                    ? session.getNode(path).getProperty("lastRun").getDate().toInstant() : null;
        });
    }

    private void markScheduledRun(Instant now) {
        repository.write(session -> {
            Calendar when = Calendar.getInstance();
            when.setTimeInMillis(now.toEpochMilli());
            jobNode(session).setProperty("lastRun", when);
            return null;
        });
    }

    private static Node jobNode(Session session) throws javax.jcr.RepositoryException {
        Node config = session.getNode("/config");
        Node maintenance = config.hasNode("maintenance") ? config.getNode("maintenance")
                : config.addNode("maintenance", "mgnl:content");
        return maintenance.hasNode(JOB) ? maintenance.getNode(JOB) : maintenance.addNode(JOB, "mgnl:contentNode");
    }

    public Status status() {
        long bytes = repository.backend() instanceof SegmentStoreBackend segment
                ? SegmentStoreBackend.diskSize(segment.folder()) : -1;
        List<String> lines;
        synchronized (progress) {
            lines = List.copyOf(progress);
        }
        return new Status(repository.backend().describe(), bytes, collecting.get(), lines, last,
                schedule == null ? null : schedule.next(clock.instant()));
    }

    @Override
    public void close() {
        worker.shutdownNow();
        if (collecting.get() && repository.backend() instanceof SegmentStoreBackend segment) {
            segment.cancelCollection(); // Oak's compaction stops at its next check, before the store closes
        }
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("The storage maintenance thread did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
