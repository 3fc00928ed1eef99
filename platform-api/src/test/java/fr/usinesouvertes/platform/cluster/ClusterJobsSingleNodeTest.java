package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** On a store no other node can open, jobs run without a lease written to the store: an idle node writes nothing. */
class ClusterJobsSingleNodeTest {

    @Test
    void jobsRunWithoutWritingLeases() {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());
             ClusterJobs jobs = new ClusterJobs(repository, Duration.ofMillis(300))) {
            long commitsBefore = repository.commitCount();
            AtomicInteger runs = new AtomicInteger();
            jobs.runOnce("tick", Duration.ofMillis(100), runs::incrementAndGet);

            await().atMost(Duration.ofSeconds(10)).until(() -> runs.get() >= 3); // many lease rounds of 100 ms
            assertThat(jobs.isLeader("tick")).isTrue();
            assertThat(jobs.leaseStatus().healthy()).isTrue();
            assertThat(repository.commitCount()).as("commits of the lease rounds").isEqualTo(commitsBefore);
            boolean leases = repository.read(session -> session.nodeExists("/config/cluster-leases"));
            assertThat(leases).isFalse();
        }
    }
}
