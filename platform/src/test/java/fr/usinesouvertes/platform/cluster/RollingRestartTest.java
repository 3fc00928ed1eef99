package fr.usinesouvertes.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;

/**
 * A two-node cluster restarted one node at a time, as an operator upgrades it, while clients keep reading through a
 * load balancer that routes to the nodes whose {@code /.health/ready} answers 200: with {@code shutdown-drain}, a
 * stopping node leaves the balancer before its server stops, so every request is answered; both restarted nodes
 * then serve the content and each other's writes.
 */
class RollingRestartTest {

    private static final Path LIGHT_MODULES = Path.of("src/test/resources/light-modules");
    private static final int READ_INTERVAL = 200;
    private static final Map<String, String> NODE = Map.of("cluster-job-lease", "5", "shutdown-drain", "2");

    @Test
    void restartingOneNodeAtATimeServesWithoutAnError() throws Exception {
        try (SharedPostgres postgres = SharedPostgres.start()) {
            String db = postgres.newDatabase();
            Platform a = ClusterNodes.startNode(db, LIGHT_MODULES, READ_INTERVAL, NODE, null);
            Platform b = ClusterNodes.startNode(db, LIGHT_MODULES, READ_INTERVAL, NODE, null);
            publishPage(a, "rolling", "Avant");
            awaitServed(b, "Avant");

            // the load balancer: checks the known nodes' readiness every 100 ms and, as HAProxy's health checks do
            // ("fall"), takes a node out after two failed checks in a row (one slow answer on a loaded machine is not
            // a node going away); clients pick one in service at random
            List<URI> known = new CopyOnWriteArrayList<>(List.of(a.baseUri(), b.baseUri()));
            List<URI> inService = new CopyOnWriteArrayList<>(known);
            AtomicBoolean running = new AtomicBoolean(true);
            List<String> errors = new CopyOnWriteArrayList<>();
            List<String> notReady = new CopyOnWriteArrayList<>();
            ExecutorService balancer = Executors.newSingleThreadExecutor();
            balancer.submit(() -> {
                HttpClient probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
                Map<URI, Integer> failedInARow = new java.util.HashMap<>();
                while (running.get()) {
                    for (URI node : known) {
                        boolean ready;
                        try {
                            HttpResponse<String> readiness = probe.send(HttpRequest.newBuilder(
                                    node.resolve("/.health/ready")).timeout(Duration.ofSeconds(1)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            ready = readiness.statusCode() == 200;
                            if (!ready) {
                                notReady.add(readiness.body());
                            }
                        } catch (Exception e) {
                            notReady.add(node + ": " + e);
                            ready = false;
                        }
                        int failed = ready ? 0 : failedInARow.merge(node, 1, Integer::sum);
                        failedInARow.put(node, failed);
                        if (failed >= 2) {
                            inService.remove(node);
                        } else if (ready && !inService.contains(node)) {
                            inService.add(node);
                        }
                    }
                    Thread.sleep(100);
                }
                return null;
            });
            AtomicInteger answered = new AtomicInteger();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 4; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        List<URI> nodes = List.copyOf(inService);
                        if (nodes.isEmpty()) {
                            errors.add("no node in service");
                            Thread.sleep(50);
                            continue;
                        }
                        URI node = nodes.get(ThreadLocalRandom.current().nextInt(nodes.size()));
                        try {
                            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(page(node)).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            if (answer.statusCode() != 200) {
                                errors.add(node + " answered " + answer.statusCode());
                            } else {
                                answered.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.add(node + ": " + e);
                        }
                    }
                    return null;
                });
            }
            Platform restartedA = null;
            Platform restartedB = null;
            try {
                restartedA = restart(a, known, inService, db);
                restartedB = restart(b, known, inService, db);
                await().atMost(Duration.ofSeconds(5)).until(() -> answered.get() > 50);
            } finally {
                running.set(false);
                clients.shutdown();
                balancer.shutdown();
                assertThat(clients.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(errors).as("requests the cluster failed during the rolling restart; not ready: "
                    + notReady.stream().distinct().toList()).isEmpty();
            assertThat(answered.get()).isGreaterThan(50);

            publishPage(restartedA, "rolling", "Après");
            awaitServed(restartedB, "Après");
            restartedA.close();
            restartedB.close();
        }
    }

    /** Stops the node (drained: the balancer takes it out first), starts a new one and waits until it is in service. */
    private static Platform restart(Platform node, List<URI> known, List<URI> inService, String db) throws Exception {
        node.close();
        assertThat(inService).as("the balancer took the stopping node out").doesNotContain(node.baseUri());
        known.remove(node.baseUri());
        Platform restarted = ClusterNodes.startNode(db, LIGHT_MODULES, READ_INTERVAL, NODE, null);
        awaitServed(restarted, "Avant");
        known.add(restarted.baseUri());
        await().atMost(Duration.ofSeconds(10)).until(() -> inService.contains(restarted.baseUri()));
        Thread.sleep(500); // serve a while with both nodes before the next one restarts
        return restarted;
    }

    private static URI page(URI node) {
        return node.resolve("/.rest/delivery/pages/v1/rolling");
    }

    private static void publishPage(Platform node, String name, String title) {
        node.repository().write(session -> {
            Node website = session.getNode("/website");
            Node page = website.hasNode(name) ? website.getNode(name) : website.addNode(name, "mgnl:page");
            page.setProperty("title", title);
            return null;
        });
        node.publishing().publish("test", "website", "/" + name, false);
    }

    private static void awaitServed(Platform node, String title) {
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(page(node.baseUri())).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains(title);
        });
    }
}
