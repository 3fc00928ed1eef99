package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platform processes sharing one PostgreSQL: one is killed with {@code kill -9} under load; the
 * other keeps answering, still sees what the killed one acknowledged, and the killed one restarts
 * and rejoins.
 */
class ClusterKillIT {

    private static final Path SITE = Path.of("../light-modules").toAbsolutePath().normalize();
    private static final String HOME = "/.rest/delivery/pages/v1/journees-usines-ouvertes";
    private static final String KILL_PAGE = "/.rest/delivery/pages/v1/written-before-kill";
    private static SharedPostgres postgres;
    private static String jdbcUrl;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startPostgres() {
        postgres = SharedPostgres.start();
        jdbcUrl = postgres.newDatabase();
    }

    @AfterAll
    static void stopPostgres() {
        if (postgres != null) {
            postgres.close();
        }
    }

    private String[] nodeArgs(Path data, Path lightModules) {
        return new String[] {"--port", "0", "--host", "127.0.0.1", "--data", data.toString(),
                "--light-modules", lightModules.toString(), "--store", "document", "--jdbc-url", jdbcUrl,
                "--jdbc-user", "postgres", "--jdbc-password", "postgres", "--jdbc-pool-size", "8",
                "--cluster-read-interval", "200"};
    }

    /** The site plus a module whose bootstrap page is written by node B only. */
    private Path lightModulesWithKillPage() throws IOException {
        Path folder = work.resolve("light-modules-b");
        Files.createDirectories(folder);
        copy(SITE.resolve("usines-ouvertes"), folder.resolve("usines-ouvertes"));
        Path bootstrap = Files.createDirectories(folder.resolve("kill-test").resolve("bootstrap"));
        Files.writeString(bootstrap.resolve("website.written-before-kill.yaml"), """
                'written-before-kill':
                  'jcr:primaryType': 'mgnl:page'
                  'title': 'Acknowledged by node B before kill -9'
                """);
        return folder;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    @Test
    void theOtherNodeKeepsServingAndTheKilledNodeRejoins() throws Exception {
        Path dataA = work.resolve("data-a");
        Path dataB = work.resolve("data-b");
        Path lightModulesB = lightModulesWithKillPage();
        try (JarProcess nodeA = JarProcess.start(work, nodeArgs(dataA, SITE))) {
            URI a = nodeA.awaitReady(Duration.ofSeconds(120));
            URI b;
            JarProcess nodeB = JarProcess.start(work, nodeArgs(dataB, lightModulesB));
            try {
                b = nodeB.awaitReady(Duration.ofSeconds(120));
                assertThat(status(b.resolve(HOME))).isEqualTo(200);

                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger answeredByA = new AtomicInteger();
                ConcurrentLinkedQueue<String> failuresOnA = new ConcurrentLinkedQueue<>();
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    URI target = (i % 2 == 0 ? a : b).resolve(HOME);
                    boolean onA = i % 2 == 0;
                    Thread thread = new Thread(() -> {
                        while (loading.get()) {
                            try {
                                int code = status(target);
                                if (onA) {
                                    if (code == 200) {
                                        answeredByA.incrementAndGet();
                                    } else {
                                        failuresOnA.add("HTTP " + code);
                                    }
                                }
                            } catch (Exception e) {
                                if (onA) {
                                    failuresOnA.add(e.toString());
                                }
                            }
                        }
                    });
                    thread.start();
                    load.add(thread);
                }
                Thread.sleep(1_000);
                nodeB.killHard();
                int beforeKill = answeredByA.get();
                // What B acknowledged (its start-up import, done before its ready line) is on A.
                assertThat(pollForStatus(a.resolve(KILL_PAGE), 200, Duration.ofSeconds(30))).isEqualTo(200);
                Thread.sleep(2_000);
                loading.set(false);
                for (Thread thread : load) {
                    thread.join(10_000);
                }
                assertThat(failuresOnA).isEmpty();
                assertThat(answeredByA.get()).isGreaterThan(beforeKill);
            } finally {
                nodeB.close();
            }

            // Restart on the same data folder: the stale lock and the dead node's cluster lease must not stop it.
            try (JarProcess restarted = JarProcess.start(work, nodeArgs(dataB, lightModulesB))) {
                URI again = restarted.awaitReady(Duration.ofSeconds(180));
                assertThat(pollForStatus(again.resolve(KILL_PAGE), 200, Duration.ofSeconds(10))).isEqualTo(200);
                assertThat(status(again.resolve(HOME))).isEqualTo(200);
                assertThat(status(a.resolve(HOME))).isEqualTo(200);
            }
        }
    }

    private int status(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int pollForStatus(URI uri, int expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        int last = -1;
        while (System.nanoTime() < deadline) {
            last = status(uri);
            if (last == expected) {
                return last;
            }
            Thread.sleep(50);
        }
        return last;
    }
}
