package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.RefusingStoreBackend;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A node whose store refuses its commits loses its leases: the failed renewal is logged at WARN (once per streak
 * of failures, not at every round), the lease status turns unhealthy after a lease time, and both recover.
 */
class ClusterJobsLeaseFailureTest {

    private static final Duration LEASE = Duration.ofMillis(600);

    @Test
    void aFailedRenewalIsAWarningAndTheLeaseStatusTurnsUnhealthyUntilTheStoreAcceptsCommitsAgain() {
        RefusingStoreBackend store = new RefusingStoreBackend(true);
        try (ContentRepository repository = ContentRepository.open(store);
             LogCapture log = LogCapture.of(ClusterJobs.class, Level.INFO);
             ClusterJobs jobs = new ClusterJobs(repository, LEASE)) {
            jobs.runOnce("purge", Duration.ofHours(1), () -> { });
            await().atMost(Duration.ofSeconds(10)).until(() -> jobs.isLeader("purge"));
            assertThat(jobs.leaseStatus()).satisfies(status -> {
                assertThat(status.jobs()).isEqualTo(1);
                assertThat(status.held()).isEqualTo(1);
                assertThat(status.healthy()).isTrue();
            });

            store.refuseCommits(true);
            await().atMost(Duration.ofSeconds(10)).until(() -> !jobs.leaseStatus().healthy());
            assertThat(jobs.isLeader("purge")).isFalse();
            assertThat(jobs.leaseStatus().held()).isZero();
            assertThat(jobs.leaseStatus().sinceLastLeaseRound()).isGreaterThan(LEASE);
            List<ILoggingEvent> warnings = log.events().stream()
                    .filter(event -> event.getLevel() == Level.WARN).toList();
            assertThat(warnings).as("one warning for the streak of failed rounds, however many rounds failed")
                    .singleElement().satisfies(event -> {
                        assertThat(event.getFormattedMessage()).contains("Renewing the lease of cluster job 'purge' failed");
                        assertThat(event.getThrowableProxy()).isNotNull();
                    });

            store.refuseCommits(false);
            await().atMost(Duration.ofSeconds(10)).until(() -> jobs.isLeader("purge") && jobs.leaseStatus().healthy());
            assertThat(log.events()).anySatisfy(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.INFO);
                assertThat(event.getFormattedMessage()).contains("'purge' succeeded again");
            });
        }
    }

    @Test
    void aNodeWithoutJobsIsHealthy() {
        try (ContentRepository repository = ContentRepository.open(new RefusingStoreBackend(true));
             ClusterJobs jobs = new ClusterJobs(repository, LEASE)) {
            assertThat(jobs.leaseStatus().healthy()).isTrue();
            assertThat(jobs.leaseStatus().jobs()).isZero();
        }
    }
}
