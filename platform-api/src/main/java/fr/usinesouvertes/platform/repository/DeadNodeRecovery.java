package fr.usinesouvertes.platform.repository;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.plugins.document.LastRevRecoveryAgent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovers cluster nodes that died (their Oak lease ended without a clean stop), so that their last
 * acknowledged commits become visible to this node and writes touching them stop waiting.
 *
 * <p>Why: a DocumentNodeStore commit is durable when it returns, but other nodes only see it once its
 * node's background write (every read interval) has published the new {@code _lastRev} of the root. A
 * node killed in between leaves its last commits stored yet invisible until some node runs Oak's
 * last-revision recovery for its cluster id. Oak runs that recovery periodically only inside its OSGi
 * service ({@code DocumentNodeStoreService}'s recovery job); a store built with the builder, as here,
 * never does it on its own, except for its own id at start-up. So without this job, the survivor never
 * saw the dead node's last registrations, and its own commits on the same slots conflicted with them
 * forever.
 */
final class DeadNodeRecovery implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeadNodeRecovery.class);

    private final LastRevRecoveryAgent agent;
    private final int ownClusterId;
    private final ScheduledExecutorService scheduler;

    /** Starts checking every {@code interval} for cluster ids whose lease ended without a clean stop. */
    DeadNodeRecovery(DocumentNodeStore nodeStore, Duration interval) {
        this.agent = nodeStore.getLastRevRecoveryAgent();
        this.ownClusterId = nodeStore.getClusterId();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "oak-dead-node-recovery");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::recoverDeadNodes, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Runs one check: recovers every cluster id whose lease has ended while it was still active. */
    void recoverDeadNodes() {
        try {
            for (int clusterId : agent.getRecoveryCandidateNodes()) {
                if (clusterId == ownClusterId) {
                    continue; // our own lease ended: the lease check stops this node instead
                }
                long start = System.nanoTime();
                int restored = agent.recover(clusterId);
                if (restored >= 0) {
                    LOG.info("Recovered dead cluster node {}: last revisions of {} documents restored in {} ms",
                            clusterId, restored, (System.nanoTime() - start) / 1_000_000);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Recovering dead cluster nodes failed; retrying at the next check", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
