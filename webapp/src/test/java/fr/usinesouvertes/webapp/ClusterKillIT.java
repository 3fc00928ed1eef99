package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platform processes sharing one PostgreSQL: one is killed with {@code kill -9} under load (page
 * reads and registrations over HTTP on both); the other keeps answering without an error, every
 * registration either node acknowledged (201) before the kill is counted on the survivor and, once the
 * killed node restarts and rejoins, on it too.
 */
class ClusterKillIT {

    private static final Path SITE = Path.of("../light-modules").toAbsolutePath().normalize();
    private static final String HOME = "/.rest/delivery/pages/v1/journees-usines-ouvertes";
    private static final String KILL_PAGE = "/.rest/delivery/pages/v1/written-before-kill";
    private static final int REGISTRATION_THREADS_PER_NODE = 3;
    /** Stays well under the seed's public capacity, so every booking is confirmed and counted in places left. */
    private static final int MAX_REGISTRATIONS = 250;
    private static final ObjectMapper JSON = new ObjectMapper();
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
                "--cluster-read-interval", "200", "--clock", "2026-02-10T10:00:00+01:00",
                "--registration-rate-limit", "0"};
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
        int acknowledged;
        int unanswered;
        long survivorCount;
        List<String> slots;
        long bookedBefore;
        try (JarProcess nodeA = JarProcess.start(work, nodeArgs(dataA, SITE))) {
            URI a = nodeA.awaitReady(Duration.ofSeconds(120));
            URI b;
            JarProcess nodeB = JarProcess.start(work, nodeArgs(dataB, lightModulesB));
            try {
                b = nodeB.awaitReady(Duration.ofSeconds(120));
                assertThat(status(b.resolve(HOME))).isEqualTo(200);

                slots = publicSlots(a);
                bookedBefore = bookedPersons(a, slots);
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicInteger answeredByA = new AtomicInteger();
                AtomicInteger confirmedByA = new AtomicInteger();
                AtomicInteger confirmedByB = new AtomicInteger();
                AtomicInteger sequence = new AtomicInteger();
                AtomicInteger unansweredRequests = new AtomicInteger(); // sent, no answer (yet, or ever: timeout, killed node)
                ConcurrentLinkedQueue<String> failuresOnA = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> refusedByB = new ConcurrentLinkedQueue<>();
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    URI target = (i % 2 == 0 ? a : b).resolve(HOME);
                    boolean onA = i % 2 == 0;
                    load.add(loadThread(loading, () -> {
                        int code = status(target);
                        if (onA) {
                            if (code == 200) {
                                answeredByA.incrementAndGet();
                            } else {
                                failuresOnA.add("HTTP " + code);
                            }
                        }
                    }, onA ? failuresOnA : null));
                }
                for (int i = 0; i < REGISTRATION_THREADS_PER_NODE * 2; i++) {
                    boolean onA = i % 2 == 0;
                    URI node = onA ? a : b;
                    load.add(loadThread(loading, () -> {
                        if (confirmedByA.get() + confirmedByB.get() >= MAX_REGISTRATIONS) {
                            Thread.sleep(50);
                            return;
                        }
                        String slot = slots.get(ThreadLocalRandom.current().nextInt(slots.size()));
                        unansweredRequests.incrementAndGet();
                        HttpResponse<String> answer = register(node, slot, "kill-" + sequence.incrementAndGet() + "@example.org");
                        unansweredRequests.decrementAndGet();
                        if (answer.statusCode() == 201 && answer.body().contains("\"confirmed\"")) {
                            (onA ? confirmedByA : confirmedByB).incrementAndGet();
                        } else if (answer.statusCode() != 201) { // waitlisted (a small slot filled up) is fine
                            (onA ? failuresOnA : refusedByB).add("registration: HTTP " + answer.statusCode() + " "
                                    + answer.body());
                        }
                    }, onA ? failuresOnA : null));
                }
                awaitAtLeast(confirmedByB, 10, Duration.ofSeconds(120), refusedByB);
                assertThat(refusedByB).isEmpty();
                nodeB.killHard();
                int acknowledgedByB = confirmedByB.get(); // B answers nothing more
                int beforeKill = answeredByA.get();
                int registeredOnABeforeKill = confirmedByA.get();
                // What B acknowledged (its start-up import, done before its ready line) is on A.
                assertThat(pollForStatus(a.resolve(KILL_PAGE), 200, Duration.ofSeconds(30))).isEqualTo(200);
                Thread.sleep(2_000);
                loading.set(false);
                for (Thread thread : load) {
                    thread.join(30_000);
                }
                assertThat(failuresOnA).isEmpty();
                assertThat(answeredByA.get()).isGreaterThan(beforeKill);
                assertThat(confirmedByA.get()).isGreaterThan(registeredOnABeforeKill);
                acknowledged = confirmedByA.get() + acknowledgedByB;
                // Every acknowledged booking is there; beyond them, only requests that never got an answer
                // (in flight on B when it died, or timed out) may have been committed.
                survivorCount = awaitBooked(a, slots, bookedBefore + acknowledged, Duration.ofSeconds(180));
                unanswered = unansweredRequests.get();
                assertThat(survivorCount - bookedBefore).isBetween((long) acknowledged, (long) acknowledged + unanswered);
            } finally {
                nodeB.close();
            }

            // Restart on the same data folder: the stale lock and the dead node's cluster lease must not stop it.
            try (JarProcess restarted = JarProcess.start(work, nodeArgs(dataB, lightModulesB))) {
                URI again = restarted.awaitReady(Duration.ofSeconds(180));
                assertThat(pollForStatus(again.resolve(KILL_PAGE), 200, Duration.ofSeconds(10))).isEqualTo(200);
                // Both nodes agree, and still hold every acknowledged booking (Oak's recovery of the killed
                // node may since have revealed one it committed without answering).
                long onA = bookedPersons(a, slots);
                assertThat(awaitBooked(again, slots, onA, Duration.ofSeconds(30))).isEqualTo(onA);
                assertThat(onA).isGreaterThanOrEqualTo(survivorCount);
                assertThat(onA - bookedBefore).isBetween((long) acknowledged, (long) acknowledged + unanswered);
                assertThat(status(again.resolve(HOME))).isEqualTo(200);
                assertThat(status(a.resolve(HOME))).isEqualTo(200);
            }
        }
    }

    /** One unit of load, repeated until the test stops it; an exception is a failure when {@code failures} is given. */
    @FunctionalInterface
    private interface LoadStep {
        void run() throws Exception;
    }

    private static Thread loadThread(AtomicBoolean loading, LoadStep step, ConcurrentLinkedQueue<String> failures) {
        Thread thread = new Thread(() -> {
            while (loading.get()) {
                try {
                    step.run();
                } catch (Exception e) {
                    if (failures != null) {
                        failures.add(e.toString());
                    }
                }
            }
        });
        thread.start();
        return thread;
    }

    private HttpResponse<String> register(URI node, String slot, String email) throws IOException, InterruptedException {
        String body = "{\"slot\":\"" + slot + "\",\"audience\":\"public\",\"persons\":1,\"name\":\"Visiteur\","
                + "\"email\":\"" + email + "\",\"consent\":true}";
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/.rest/registrations/v1")).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The seed's slots open to the public, as the Delivery API lists them. */
    private List<String> publicSlots(URI node) throws Exception {
        List<String> slots = new ArrayList<>();
        for (JsonNode sheet : events(node).get("results")) {
            for (JsonNode slot : sheet.get("slots")) {
                if (slot.get("audiences").toString().contains("\"public\"")) {
                    slots.add(slot.get("id").asText());
                }
            }
        }
        assertThat(slots).isNotEmpty();
        return slots;
    }

    /** Persons confirmed on the given slots: capacity minus places left, as any visitor sees it. */
    private long bookedPersons(URI node, List<String> slots) throws Exception {
        long booked = 0;
        for (JsonNode sheet : events(node).get("results")) {
            for (JsonNode slot : sheet.get("slots")) {
                if (slots.contains(slot.get("id").asText())) {
                    booked += slot.get("capacity").asLong() - slot.get("placesLeft").asLong();
                }
            }
        }
        return booked;
    }

    private JsonNode events(URI node) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/.rest/delivery/events/v1?limit=100&audience=public"))
                .timeout(Duration.ofSeconds(10)).build();
        return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Polls until at least {@code expected} persons are booked (a killed node's last commits may take Oak's recovery). */
    private long awaitBooked(URI node, List<String> slots, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        long booked = bookedPersons(node, slots);
        while (booked < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            booked = bookedPersons(node, slots);
        }
        return booked;
    }

    private static void awaitAtLeast(AtomicInteger counter, int count, Duration timeout, Object context)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(counter.get()).as("registrations acknowledged by node B before the kill (refused: %s)", context)
                .isGreaterThanOrEqualTo(count);
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
