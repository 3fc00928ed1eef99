package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Run-once jobs on two nodes sharing one PostgreSQL: one runs them; when it dies the other takes over. */
class ClusterJobsTest {

    private static final Duration LEASE = Duration.ofSeconds(2);
    private static SharedPostgres postgres;
    private static Platform nodeA;
    private static Platform nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = SharedPostgres.start();
        String db = postgres.newDatabase();
        nodeA = ClusterNodes.startNode(db, Path.of("target/no-light-modules"), 100);
        nodeB = ClusterNodes.startNode(db, Path.of("target/no-light-modules"), 100);
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable closeable : new AutoCloseable[] {nodeB, nodeA, postgres}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception ignored) {
                // best effort
            }
        }
    }

    @Test
    void exactlyOneNodeRunsTheJobAndTheOtherTakesOverWhenTheLeaderStopsRenewing() throws Exception {
        ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
        ClusterJobs jobsA = new ClusterJobs(nodeA.repository(), LEASE);
        ClusterJobs jobsB = new ClusterJobs(nodeB.repository(), LEASE);
        try {
            jobsA.runOnce("promotion", Duration.ofMillis(100), () -> runs.add("A"));
            jobsB.runOnce("promotion", Duration.ofMillis(100), () -> runs.add("B"));
            waitFor(() -> runs.size() >= 10, Duration.ofSeconds(15));
            // both nodes compete for several lease periods, and one node alone runs the job throughout
            await().during(LEASE).atMost(LEASE.multipliedBy(3))
                    .until(() -> runs.stream().distinct().count() == 1);
            List<String> seen = List.copyOf(runs);
            assertThat(seen).hasSizeGreaterThanOrEqualTo(10);
            assertThat(seen.stream().distinct()).hasSize(1);
            assertThat(jobsA.isLeader("promotion")).isNotEqualTo(jobsB.isLeader("promotion"));

            ClusterJobs leader = jobsA.isLeader("promotion") ? jobsA : jobsB;
            ClusterJobs follower = leader == jobsA ? jobsB : jobsA;
            String followerName = leader == jobsA ? "B" : "A";
            long crashed = System.nanoTime();
            leader.abandon(); // like kill -9: the lease is never given back
            waitFor(() -> runs.contains(followerName), LEASE.multipliedBy(5));
            long takeOverMillis = (System.nanoTime() - crashed) / 1_000_000;
            assertThat(runs).contains(followerName);
            assertThat(follower.isLeader("promotion")).isTrue();
            assertThat(takeOverMillis).isLessThan(LEASE.toMillis() * 3);
        } finally {
            jobsA.close();
            jobsB.close();
        }
    }

    @Test
    void aNodeThatStopsCleanlyHandsTheJobOverAtOnce() throws Exception {
        ConcurrentLinkedQueue<String> runs = new ConcurrentLinkedQueue<>();
        ClusterJobs jobsA = new ClusterJobs(nodeA.repository(), Duration.ofSeconds(30));
        ClusterJobs jobsB = new ClusterJobs(nodeB.repository(), Duration.ofSeconds(30));
        try {
            jobsA.runOnce("mail", Duration.ofMillis(100), () -> runs.add("A"));
            waitFor(() -> runs.contains("A"), Duration.ofSeconds(10));
            jobsB.runOnce("mail", Duration.ofMillis(100), () -> runs.add("B"));
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> !runs.contains("B"));
            jobsA.close(); // gives the lease back
            waitFor(() -> runs.contains("B"), Duration.ofSeconds(20)); // well before the 30 s lease ends
            assertThat(runs).contains("B");
        } finally {
            jobsA.close();
            jobsB.close();
        }
    }

    @Test
    void eachNodeOfTheClusterReportsItsLeasesInItsReadiness() {
        for (Platform node : List.of(nodeA, nodeB)) {
            fr.usinesouvertes.platform.health.Readiness.Report report = await().atMost(Duration.ofSeconds(20))
                    .until(() -> node.readiness().check(), fr.usinesouvertes.platform.health.Readiness.Report::up);
            assertThat(report.checks()).extracting(fr.usinesouvertes.platform.health.Readiness.CheckReport::name)
                    .containsExactly("repository", "search", "cluster-leases");
            assertThat(report.checks().get(2).detail()).contains("job lease(s) held, last lease round");
        }
    }

    @Test
    void jobNamesAreChecked() {
        try (ClusterJobs jobs = new ClusterJobs(nodeA.repository(), LEASE)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jobs.runOnce("../x", Duration.ofSeconds(1), () -> { }))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lowercase");
        }
    }

    private static void waitFor(BooleanSupplier condition, Duration timeout) {
        await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(condition::getAsBoolean);
    }
}
