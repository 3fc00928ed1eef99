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
 * <p>Works the same on the embedded segment store, where there is only one node.
 */
@PluginApi
public final class ClusterJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterJobs.class);
    private static final String LEASES = "/config/cluster-leases";
    private static final Pattern JOB_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final ContentRepository repository;
    private final Clock clock;
    private final Duration leaseTime;
    private final String nodeId = UUID.randomUUID().toString();
    private final ScheduledExecutorService scheduler;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    private static final class Job {
        final Duration interval;
        final Runnable work;
        volatile long leaseExpiresAt;
        volatile long nextRunAt;

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
        this.leaseTime = leaseTime;
        this.clock = clock;
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
            } catch (RuntimeException e) {
                job.leaseExpiresAt = 0; // lost a race with another node, or the store is unreachable
                LOG.debug("Lease of job '{}' not taken: {}", name, e.getMessage());
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

    private boolean takeOrRenew(String name) {
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
        for (String name : jobs.keySet()) {
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
