package fr.usinesouvertes.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.cluster.ClusterNodes;
import fr.usinesouvertes.platform.testing.MutableClock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL: a scheduled publication runs once, on one node, and both serve it. */
class ScheduledPublishingClusterTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"),
            ZoneId.of("Europe/Paris"));
    private static ClusterNodes.Pair<Platform> cluster;
    private static Platform nodeA;
    private static Platform nodeB;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.startPair(db -> ClusterNodes.startNode(db, PublishingFixtures.LIGHT_MODULES, 200,
                Map.of("cluster-job-lease", "3"), CLOCK));
        nodeA = cluster.a();
        nodeB = cluster.b();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aScheduledPublicationRunsOnceAcrossNodes() throws Exception {
        PublishingFixtures.page(nodeA.repository(), "/site", "title", "Accueil");
        PublishingFixtures.page(nodeA.repository(), "/site/news", "title", "Actualités",
                "mgnl:template", "pub-site:pages/news-room");
        nodeA.publishing().publish("editor", "website", "/site", true);
        PublishingFixtures.news(nodeA.repository(), "embargo", "Sous embargo");
        nodeA.publishing().schedule("editor", "news", "/embargo", Publishing.Action.PUBLISH,
                CLOCK.instant().plus(Duration.ofHours(1)), false);
        // both nodes' jobs look meanwhile: not due, the item stays hidden throughout
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> status(nodeB, "/news/embargo") == 404);

        CLOCK.advance(Duration.ofHours(2));

        assertThat(awaitStatus(nodeB, "/news/embargo", 200)).isEqualTo(200);
        assertThat(awaitStatus(nodeA, "/news/embargo", 200)).isEqualTo(200);
        // time for a second run, which must not happen
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInSameThread().untilAsserted(() -> {
            assertThat(nodeA.publishing().versions("news", "/embargo")).hasSize(1);
            assertThat(nodeB.publishing().versions("news", "/embargo")).hasSize(1);
        });
        assertThat(nodeB.publishing().scheduled()).isEmpty();
        assertThat(nodeA.clusterJobs().isLeader(RepositoryPublishing.JOB))
                .isNotEqualTo(nodeB.clusterJobs().isLeader(RepositoryPublishing.JOB));
    }

    private int awaitStatus(Platform node, String path, int expected) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> status(node, path), status -> status == expected);
    }

    private int status(Platform node, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(node.baseUri().resolve(path.substring(1))).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
