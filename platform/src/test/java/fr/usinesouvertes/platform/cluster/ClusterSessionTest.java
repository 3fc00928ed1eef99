package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Back-office sessions on two nodes sharing one PostgreSQL: a cookie and CSRF token from node A work
 * on node B (same generated secret, no sticky sessions), and a logout on B ends the session on A after
 * the document store's background read.
 */
class ClusterSessionTest {

    private static final Path LIGHT_MODULES = Path.of("src/test/resources/light-modules");
    private static final int READ_INTERVAL = 200;
    private static final String PASSWORD = "correct horse battery";
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
    void aSessionOpenedOnOneNodeIsValidOnTheOtherUntilLogout() throws Exception {
        nodeA.accounts().create("editrice@example.fr", "Éditrice", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .until(() -> nodeB.accounts().find("editrice@example.fr").isPresent());

        AdminBrowser onA = new AdminBrowser(nodeA.baseUri());
        assertThat(onA.login("editrice@example.fr", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(onA.get("/admin/").statusCode()).isEqualTo(200);
        AdminBrowser onB = onA.sameCookiesOn(nodeB.baseUri());

        HttpResponse<String> dashboardOnB = onB.get("/admin/");
        assertThat(dashboardOnB.statusCode()).isEqualTo(200);
        assertThat(dashboardOnB.body()).contains("Éditrice");

        AdminBrowser formFromA = onA.sameCookiesOn(nodeB.baseUri()); // CSRF token of a page rendered by node A
        assertThat(formFromA.post("/admin/logout", Map.of()).statusCode()).isEqualTo(303);

        long loggedOut = System.nanoTime();
        int status = await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(10))
                .until(() -> onA.get("/admin/").statusCode(), answer -> answer != 200);
        long millis = (System.nanoTime() - loggedOut) / 1_000_000;
        System.out.printf("Logout on node B refused on node A after %d ms (cluster-read-interval %d ms)%n", millis,
                READ_INTERVAL);
        assertThat(status).isEqualTo(303);
    }
}
