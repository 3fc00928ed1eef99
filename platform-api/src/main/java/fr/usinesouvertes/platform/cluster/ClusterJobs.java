package fr.usinesouvertes.platform.cluster;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jobs that must run on exactly one node of a cluster at a time (scheduled publication, waiting-list
 * promotion, mail sending, purges). Each job has a lease node {@code /config/cluster-leases/<job>}
 * that a node takes or renews with a commit that always rewrites the lease's {@code token}: two
 * nodes racing for the same lease touch the same property, so Oak rejects one of the two commits
 * instead of silently keeping both (the lost-update trap). A node that stops renewing (crash,
 * {@code kill -9}) loses the lease once it expires and another node takes the job over.
 *
 * <p>On a store only this process can open (the embedded segment store: one node by construction), the leases are
 * this node's from the start and live in memory: renewing them would be a commit every few seconds for nothing, and
 * an idle node would grow its store.
 */
@PluginApi
public final class ClusterJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);
    private static final String LEASES = "/config/cluster-leases";
    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ContentRepository repository;
    /** Whether other nodes share the store, so that leases must be taken in it. */
    private final boolean sharedStore;
    private final Clock clock;
    private final Duration leaseTime;
    private final String nodeId = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean running = true;
    /** When a lease was last taken, renewed or found held by another node: the store answered the lease round. */
    private volatile long lastLeaseRound;

    private static final class Job {
        final Duration interval;
        final Runnable work;
        volatile long leaseExpiresAt;
        volatile long nextRunAt;
        /** Lease rounds failed in a row; the first of a streak is logged at WARN, the others at DEBUG. */
        int failures; // only the scheduler thread reads and writes it

        Job(Duration interval, Runnable work) {
            this.interval = interval;
            this.work = work;
        }
    }

    /** Leases of {@code leaseTime}, renewed every third of it; the wall clock decides expiry. */
    public ClusterJobs(ContentRepository repository, Duration leaseTime) {
        this(repository, leaseTime, Clock.systemUTC());
    }

    ClusterJobs(ContentRepository repository, Duration leaseTime, Clock clock) {
        this.repository = repository;
        this.sharedStore = repository.backend().shared();
        this.leaseTime = leaseTime;
        this.clock = clock;
        this.lastLeaseRound = clock.millis();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cluster-jobs");
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(50, leaseTime.toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::tick, 0, tick, TimeUnit.MILLISECONDS);
    }

    /**
     * Runs {@code work} every {@code interval} on whichever single node holds the job's lease. The
     * work should be idempotent: after a crash in the middle, the next holder runs it again.
     */
    public void runOnce(String jobName, Duration interval, Runnable work) {
        if (!JOB_NAME.matcher(jobName).matches()) {
            throw new IllegalArgumentException("Job name '" + jobName + "' must be lowercase letters, digits and dashes");
        }
        if (jobs.putIfAbsent(jobName, new Job(interval, work)) != null) {
            throw new IllegalArgumentException("Job '" + jobName + "' is already scheduled");
        }
        scheduler.execute(this::tick);
    }

    /** Whether this node holds the job's lease right now (and will until it expires). */
    public boolean isLeader(String jobName) {
        Job job = jobs.get(jobName);
        return running && job != null && job.leaseExpiresAt > clock.millis();
    }

    /** This node's id in the lease nodes. */
    public String nodeId() {
        return nodeId;
    }

    /**
     * How this node's leases stand: how many jobs it runs a lease for, how many it holds now, and how long ago
     * the store last answered a lease round (a lease taken or renewed, or found held by another node).
     * {@code healthy} is false once that is longer than the lease time: the node has lost its leases and
     * cannot take any over, because the store refuses its commits or the job thread is stuck in a job.
     */
    public LeaseStatus leaseStatus() {
        long now = clock.millis();
        int held = (int) jobs.keySet().stream().filter(this::isLeader).count();
        Duration sinceRound = Duration.ofMillis(Math.max(0, now - lastLeaseRound));
        boolean healthy = jobs.isEmpty() || !running || sinceRound.compareTo(leaseTime) <= 0;
        return new LeaseStatus(jobs.size(), held, sinceRound, healthy);
    }

    /**
     * Where this node's leases stand ({@link #leaseStatus()}).
     *
     * @param jobs               the jobs scheduled on this node
     * @param held               those whose lease this node holds now
     * @param sinceLastLeaseRound how long ago the store last answered one of this node's lease rounds
     * @param healthy            whether that is within the lease time (or there is no job)
     */
    public record LeaseStatus(int jobs, int held, Duration sinceLastLeaseRound, boolean healthy) {
    }

    private void tick() {
        for (Map.Entry<String, Job> entry : jobs.entrySet()) {
            if (!running) {
                return;
            }
            String name = entry.getKey();
            Job job = entry.getValue();
            try {
                if (takeOrRenew(name)) {
                    job.leaseExpiresAt = clock.millis() + leaseTime.toMillis() - leaseTime.toMillis() / 10;
                } else {
                    job.leaseExpiresAt = 0;
                }
                lastLeaseRound = clock.millis();
                if (job.failures > 0) {
                    LOG.info("Lease round of cluster job '{}' succeeded again after {} failed attempt(s)", name,
                            job.failures);
                    job.failures = 0;
                }
            } catch (RuntimeException e) {
                leaseRoundFailed(name, job, e);
            }
            if (isLeader(name) && clock.millis() >= job.nextRunAt) {
                job.nextRunAt = clock.millis() + job.interval.toMillis();
                try {
                    job.work.run();
                } catch (RuntimeException e) {
                    LOG.error("Cluster job '{}' failed; it runs again at its next interval", name, e);
                }
            }
        }
    }

    /**
     * A lease round that failed: the store refused or could not be reached, or another node's commit raced with
     * this one. Losing a race to take a free lease is ordinary in a cluster (DEBUG); a failed renewal of a lease
     * this node holds, or a store that refuses, is logged at WARN once per streak of failures.
     */
    private void leaseRoundFailed(String name, Job job, RuntimeException e) {
        boolean renewal = job.leaseExpiresAt > clock.millis();
        job.leaseExpiresAt = 0;
        job.failures++;
        if (job.failures == 1 && running && (renewal || !isRace(e))) { // stopping interrupts a round: no warning
            LOG.warn("{} the lease of cluster job '{}' failed; this node does not run the job until a lease round "
                    + "succeeds (another node takes it over once the lease expires)",
                    renewal ? "Renewing" : "Taking", name, e);
        } else {
            LOG.debug("Lease of cluster job '{}' not taken ({} failure(s) in a row): {}", name, job.failures,
                    e.getMessage());
        }
    }

    /** Whether the commit lost a race with another node's commit of the same lease (an Oak conflict). */
    private static boolean isRace(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof javax.jcr.InvalidItemStateException) {
                return true;
            }
        }
        return false;
    }

    private boolean takeOrRenew(String name) {
        if (!sharedStore) {
            return true;
        }
        return repository.write(session -> {
            Node lease = leaseNode(session, name);
            long now = clock.millis();
            String holder = lease.hasProperty("holder") ? lease.getProperty("holder").getString() : null;
            long expires = lease.hasProperty("expires") ? lease.getProperty("expires").getLong() : 0;
            if (holder != null && !holder.equals(nodeId) && expires > now) {
                return false;
            }
            if (holder != null && !holder.equals(nodeId)) {
                LOG.info("Taking over cluster job '{}' from node {} whose lease expired", name, holder);
            }
            lease.setProperty("holder", nodeId);
            lease.setProperty("expires", now + leaseTime.toMillis());
            lease.setProperty("token", UUID.randomUUID().toString());
            return true;
        });
    }

    private static Node leaseNode(Session session, String name) throws javax.jcr.RepositoryException {
        Node config = session.getNode("/config");
        Node leases = config.hasNode("cluster-leases") ? config.getNode("cluster-leases")
                : config.addNode("cluster-leases", "mgnl:content");
        return leases.hasNode(name) ? leases.getNode(name) : leases.addNode(name, "mgnl:contentNode");
    }

    /**
     * Stops renewing without giving the leases back, as a crashed node would; the other nodes take
     * the jobs over once the leases expire. For tests and emergencies.
     */
    public void abandon() {
        running = false;
        scheduler.shutdownNow();
    }

    /** Stops the jobs and gives this node's leases back so another node takes over at once. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String name : sharedStore ? jobs.keySet() : java.util.Set.<String>of()) {
            try {
                repository.write(session -> {
                    String path = LEASES + "/" + name;
                    if (session.nodeExists(path)) {
                        Node lease = session.getNode(path);
                        if (lease.hasProperty("holder") && nodeId.equals(lease.getProperty("holder").getString())) {
                            lease.setProperty("expires", 0L);
                            lease.setProperty("token", UUID.randomUUID().toString());
                        }
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("Could not give back the lease of job '{}'; it expires by itself", name, e);
            }
        }
    }
}
