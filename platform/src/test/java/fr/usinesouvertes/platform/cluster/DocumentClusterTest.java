package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.repository.DocumentStoreBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two platform nodes on one PostgreSQL: both start, see each other's writes, and their caches follow. */
class DocumentClusterTest {

    private static final Path LIGHT_MODULES = Path.of("src/test/resources/light-modules");
    private static final int READ_INTERVAL = 200;
    private static ClusterNodes.Pair<Platform> cluster;
    private static Platform nodeA;
    private static Platform nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.startPair(db -> ClusterNodes.startNode(db, LIGHT_MODULES, READ_INTERVAL));
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
    void eachNodeHasItsOwnClusterId() {
        int idA = ((DocumentStoreBackend) nodeA.repository().backend()).clusterId();
        int idB = ((DocumentStoreBackend) nodeB.repository().backend()).clusterId();
        assertThat(idA).isPositive();
        assertThat(idB).isPositive().isNotEqualTo(idA);
    }

    @Test
    void aPageWrittenOnOneNodeIsServedByTheOtherWithinTheReadBound() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI onB = nodeB.baseUri().resolve("/.rest/delivery/pages/v1/cluster-page");
        assertThat(http.send(HttpRequest.newBuilder(onB).build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404); // now in node B's Delivery cache as "missing"

        writePage("cluster-page", "Written on A");
        long written = System.nanoTime();
        String body = pollUntil(http, onB, "Written on A", Duration.ofSeconds(10));
        long millis = (System.nanoTime() - written) / 1_000_000;
        assertThat(body).contains("Written on A");
        // Visibility bound: A's background write plus B's background read, each every READ_INTERVAL.
        assertThat(millis).isLessThan(5L * READ_INTERVAL + 2_000);

        writePageTitle("cluster-page", "Changed on A");
        assertThat(pollUntil(http, onB, "Changed on A", Duration.ofSeconds(10))).contains("Changed on A");
    }

    @Test
    void changeListenersFireForCommitsOfOtherNodes() throws Exception {
        AtomicInteger seenOnB = new AtomicInteger();
        nodeB.repository().addChangeListener(seenOnB::incrementAndGet);
        int before = seenOnB.get();
        writePage("listener-page", "Hello");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(seenOnB.get()).isGreaterThan(before));
    }

    @Test
    void changeCountsFollowCommitsOfOtherNodes() throws Exception {
        long before = nodeB.repository().changeCount("website");
        writePage("counted-page", "Hello");
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(nodeB.repository().changeCount("website")).isGreaterThan(before));
    }

    private static void writePage(String name, String title) {
        nodeA.repository().write(session -> {
            Node website = session.getNode("/website");
            Node page = website.addNode(name, "mgnl:page");
            page.setProperty("title", title);
            return null;
        });
        nodeA.publishing().publish("test", "website", "/" + name, false);
    }

    private static void writePageTitle(String name, String title) {
        nodeA.repository().write(session -> {
            session.getNode("/website/" + name).setProperty("title", title);
            return null;
        });
        nodeA.publishing().publish("test", "website", "/" + name, false);
    }

    private static String pollUntil(HttpClient http, URI uri, String expected, Duration timeout) {
        return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                .until(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()),
                        response -> response.statusCode() == 200 && response.body().contains(expected))
                .body();
    }
}
