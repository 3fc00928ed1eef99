package fr.usinesouvertes.platform.health;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import java.util.function.Supplier;

/**
 * On a shared store, this node's run-once jobs still reach their leases: a node whose lease rounds have failed for
 * longer than a lease time (its store refuses its commits, or a job holds the job thread) has lost its leases.
 */
final class ClusterLeaseCheck implements Supplier<Readiness.Status> {

    private final ClusterJobs jobs;

    ClusterLeaseCheck(ClusterJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Readiness.Status get() {
        ClusterJobs.LeaseStatus status = jobs.leaseStatus();
        long seconds = status.sinceLastLeaseRound().toSeconds();
        if (!status.healthy()) {
            return Readiness.Status.down("no lease round for " + seconds + " s: " + status.held() + " of "
                    + status.jobs() + " job lease(s) held");
        }
        return Readiness.Status.up(status.held() + " of " + status.jobs() + " job lease(s) held, last lease round "
                + seconds + " s ago");
    }
}
