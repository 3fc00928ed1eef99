package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two platform processes sharing one PostgreSQL, both taking registrations over HTTP and serving pages;
 * one is killed with {@code kill -9}. The other keeps serving pages; once it has recovered the dead
 * node's cluster id, every registration either node acknowledged (201) is in the repository with the
 * status it was acknowledged with, read directly from PostgreSQL, and every slot's counters match its
 * registrations without overbooking; the killed node restarts, rejoins and knows the survivor's
 * registrations. Uses a short cluster lease so that the survivor recovers the dead node quickly.
 */
class ClusterKillIT {

    private static final Path SITE = Path.of("../light-modules").toAbsolutePath().normalize();
    private static final String HOME = "/.rest/delivery/pages/v1/journees-usines-ouvertes";
    private static final String KILL_PAGE = "/.rest/delivery/pages/v1/written-before-kill";
    private static final Pattern CLUSTER_ID = Pattern.compile("Joined the cluster as node (\\d+)");
    private static final int LEASE_SECONDS = 45;
    private static final int REGISTRATION_THREADS_PER_NODE = 3;
    /** A registration on the survivor may wait for the dead node's lease to end, then for its recovery. */
    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(LEASE_SECONDS + 90);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SharedPostgres postgres;
    private static String jdbcUrl;

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A registration a node acknowledged with 201. */
    record Acknowledged(String id, String slot, String status, String node) {
    }

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
                "--cluster-read-interval", "200", "--cluster-lease-seconds", Integer.toString(LEASE_SECONDS),
                "--clock", "2026-02-10T10:00:00+01:00", "--registration-rate-limit", "0"};
    }

    @Test
    void theSurvivorKeepsEveryAcknowledgedRegistrationAndTheKilledNodeRejoins() throws Exception {
        Path dataB = work.resolve("data-b");
        Path lightModulesB = lightModulesWithKillPage();
        try (JarProcess nodeA = JarProcess.start(work, nodeArgs(work.resolve("data-a"), SITE))) {
            URI a = nodeA.awaitReady(Duration.ofSeconds(120));
            JarProcess nodeB = JarProcess.start(work, nodeArgs(dataB, lightModulesB));
            List<String> slots;
            ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
            AtomicInteger unanswered = new AtomicInteger(); // sent, never answered: in flight on B, or timed out
            try {
                URI b = nodeB.awaitReady(Duration.ofSeconds(120));
                int clusterIdB = clusterId(nodeB);
                slots = publicSlots(a);
                AtomicBoolean loading = new AtomicBoolean(true);
                AtomicBoolean bKilled = new AtomicBoolean();
                AtomicInteger pagesOnA = new AtomicInteger();
                AtomicInteger confirmedOnA = new AtomicInteger();
                AtomicInteger confirmedOnB = new AtomicInteger();
                AtomicInteger sequence = new AtomicInteger();
                AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
                AtomicLong longestOnAAfterKill = new AtomicLong(); // ms a registration on A waited after the kill
                ConcurrentLinkedQueue<String> failuresOnA = new ConcurrentLinkedQueue<>();
                ConcurrentLinkedQueue<String> refusedByB = new ConcurrentLinkedQueue<>();
                List<Thread> load = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    boolean onA = i % 2 == 0;
                    URI page = (onA ? a : b).resolve(HOME);
                    load.add(loadThread(() -> loading.get() && (onA || !bKilled.get()), () -> {
                        int code = status(page);
                        if (onA && code == 200) {
                            pagesOnA.incrementAndGet();
                        } else if (onA) {
                            failuresOnA.add("page: HTTP " + code);
                        }
                    }, onA ? failuresOnA : null));
                }
                for (int i = 0; i < REGISTRATION_THREADS_PER_NODE * 2; i++) {
                    boolean onA = i % 2 == 0;
                    URI node = onA ? a : b;
                    // One thread per node on two hot slots, so that A soon needs a slot B was committing to.
                    List<String> targets = i < 2 ? slots.subList(0, Math.min(2, slots.size())) : slots;
                    load.add(loadThread(() -> loading.get() && (onA || !bKilled.get()), () -> {
                        String slot = targets.get(ThreadLocalRandom.current().nextInt(targets.size()));
                        long sent = System.nanoTime();
                        unanswered.incrementAndGet();
                        HttpResponse<String> answer;
                        try {
                            answer = register(node, slot, "kill-" + sequence.incrementAndGet() + "@example.org");
                        } catch (IOException e) { // B killed, or A past the timeout: maybe committed, never acknowledged
                            if (onA) {
                                failuresOnA.add("registration unanswered: " + e);
                            }
                            return;
                        }
                        unanswered.decrementAndGet();
                        long answered = System.nanoTime();
                        if (onA && answered > killedAt.get()) { // how long it waited after the kill
                            longestOnAAfterKill.accumulateAndGet((answered - Math.max(sent, killedAt.get())) / 1_000_000,
                                    Math::max);
                        }
                        if (answer.statusCode() == 201) {
                            JsonNode body = JSON.readTree(answer.body());
                            acknowledged.add(new Acknowledged(body.get("id").asText(), slot,
                                    body.get("status").asText(), onA ? "A" : "B"));
                            if (body.get("status").asText().equals("confirmed")) {
                                (onA ? confirmedOnA : confirmedOnB).incrementAndGet();
                            }
                        } else {
                            (onA ? failuresOnA : refusedByB).add("registration: HTTP " + answer.statusCode() + " "
                                    + answer.body());
                        }
                    }, onA ? failuresOnA : null));
                }
                awaitAtLeast(confirmedOnB, 15, Duration.ofSeconds(120), refusedByB);
                assertThat(refusedByB).isEmpty();
                bKilled.set(true);
                killedAt.set(System.nanoTime());
                nodeB.killHard();
                int pagesBeforeKill = pagesOnA.get();
                int confirmedOnABeforeKill = confirmedOnA.get();

                // What B acknowledged before the kill (its start-up import) is on A at once.
                assertThat(pollForStatus(a.resolve(KILL_PAGE), 200, Duration.ofSeconds(30))).isEqualTo(200);
                // A recovers B's cluster id once B's lease has ended; registrations on A go on meanwhile.
                long recoveredAfter = awaitRecovery(clusterIdB, Duration.ofSeconds(LEASE_SECONDS + 90));
                awaitAtLeast(confirmedOnA, confirmedOnABeforeKill + 10, Duration.ofSeconds(60), failuresOnA);
                loading.set(false);
                for (Thread thread : load) {
                    thread.join(REGISTRATION_TIMEOUT.toMillis() + 5_000);
                }
                System.out.printf("ClusterKillIT: B (cluster id %d) recovered by A %d ms after kill -9 (lease %d s); "
                                + "longest wait of a registration on A after the kill: %d ms; acknowledged %d (A %d, B %d)%n",
                        clusterIdB, recoveredAfter, LEASE_SECONDS, longestOnAAfterKill.get(), acknowledged.size(),
                        acknowledged.stream().filter(r -> r.node().equals("A")).count(),
                        acknowledged.stream().filter(r -> r.node().equals("B")).count());
                assertThat(failuresOnA).isEmpty();
                assertThat(pagesOnA.get()).isGreaterThan(pagesBeforeKill);
                assertThat(confirmedOnA.get()).isGreaterThan(confirmedOnABeforeKill);
            } finally {
                nodeB.close();
                printClusterLines("A", nodeA);
                printClusterLines("B", nodeB);
            }

            assertEveryAcknowledgedRegistrationIsStored(List.copyOf(acknowledged), slots, unanswered.get());

            // Restart on the same data folder: the stale lock and the recovered cluster id must not stop it.
            try (JarProcess restarted = JarProcess.start(work, nodeArgs(dataB, lightModulesB))) {
                URI again = restarted.awaitReady(Duration.ofSeconds(180));
                assertThat(pollForStatus(again.resolve(KILL_PAGE), 200, Duration.ofSeconds(10))).isEqualTo(200);
                // A registration made on A is known to the restarted B: the same submission there is a repeat.
                String slot = slots.get(0);
                HttpResponse<String> made = register(a, slot, "after-restart@example.org");
                assertThat(made.statusCode()).isEqualTo(201);
                String id = JSON.readTree(made.body()).get("id").asText();
                HttpResponse<String> repeated = pollForRepeat(again, slot, "after-restart@example.org");
                assertThat(repeated.statusCode()).isEqualTo(200);
                assertThat(JSON.readTree(repeated.body()).get("id").asText()).isEqualTo(id);
                assertThat(status(again.resolve(HOME))).isEqualTo(200);
                assertThat(status(a.resolve(HOME))).isEqualTo(200);
            }
        }
    }

    /**
     * Reads PostgreSQL as a third, read-only Oak instance: every acknowledged registration is stored with
     * its acknowledged status, and each slot's counters are those of its stored registrations, within its
     * capacity. Beyond the acknowledged ones, only requests that never got an answer may have been stored.
     */
    private void assertEveryAcknowledgedRegistrationIsStored(List<Acknowledged> acknowledged, List<String> slots,
                                                             int unanswered) throws InterruptedException {
        Map<String, RegistrationAudit.StoredRegistration> stored;
        try { // A's last writes reach PostgreSQL with its background write
            stored = await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(this::storedRegistrations, now -> acknowledged.stream().allMatch(r -> now.containsKey(r.id())));
        } catch (ConditionTimeoutException incomplete) {
            stored = storedRegistrations(); // what is missing is reported and asserted below
        }
        Map<String, RegistrationAudit.StoredRegistration> found = stored;
        List<Acknowledged> missing = acknowledged.stream().filter(r -> !found.containsKey(r.id())).toList();
        System.out.printf("ClusterKillIT: %d acknowledged registrations, %d stored for the test's slots, missing: %s%n",
                acknowledged.size(), found.values().stream().filter(r -> slots.contains(r.slot())).count(), missing);
        for (Acknowledged registration : acknowledged) {
            assertThat(stored).as("registration %s acknowledged by node %s", registration.id(), registration.node())
                    .containsKey(registration.id());
            assertThat(stored.get(registration.id()).status()).as("status of %s", registration.id())
                    .isEqualTo(registration.status());
            assertThat(stored.get(registration.id()).slot()).isEqualTo(registration.slot());
        }
        long ofTheTest = stored.values().stream().filter(r -> slots.contains(r.slot())).count();
        assertThat(ofTheTest).isBetween((long) acknowledged.size(), (long) acknowledged.size() + unanswered);
        try (RegistrationAudit audit = RegistrationAudit.open(jdbcUrl)) {
            Map<String, RegistrationAudit.StoredRegistration> registrations = audit.registrations();
            for (String slotId : slots) {
                RegistrationAudit.StoredSlot slot = audit.slot(slotId).orElseThrow();
                Map<String, Long> byStatus = new HashMap<>();
                registrations.values().stream().filter(r -> r.slot().equals(slotId))
                        .forEach(r -> byStatus.merge(r.status(), r.status().equals("confirmed") ? r.persons() : 1L,
                                Long::sum));
                assertThat(slot.bookedPersons()).as("persons confirmed on slot %s", slotId)
                        .isEqualTo(byStatus.getOrDefault("confirmed", 0L))
                        .isLessThanOrEqualTo(slot.capacity());
                assertThat(slot.waitingRegistrations()).as("waiting list of slot %s", slotId)
                        .isEqualTo(byStatus.getOrDefault("waitlisted", 0L));
            }
        }
    }

    private Map<String, RegistrationAudit.StoredRegistration> storedRegistrations() {
        try (RegistrationAudit audit = RegistrationAudit.open(jdbcUrl)) {
            return audit.registrations();
        }
    }

    /** Polls the document store until A has recovered {@code clusterId}; returns the time since the kill. */
    private long awaitRecovery(int clusterId, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        try (RegistrationAudit audit = RegistrationAudit.open(jdbcUrl)) {
            await("cluster id " + clusterId + " recovered within " + timeout).atMost(timeout)
                    .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                    .until(() -> !audit.isActive(clusterId));
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** What Oak said about leases and recovery, for whoever reads the test's output. */
    private static void printClusterLines(String name, JarProcess node) {
        node.output().lines().filter(line -> line.contains("lease") || line.contains("Lease")
                        || line.contains("ecover") || line.contains("Joined") || line.contains("ERROR"))
                .limit(40).forEach(line -> System.out.println("node " + name + ": " + line));
    }

    private static int clusterId(JarProcess node) {
        Matcher matcher = CLUSTER_ID.matcher(node.output());
        assertThat(matcher.find()).as("cluster id in the node's log").isTrue();
        return Integer.parseInt(matcher.group(1));
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

    /** One unit of load, repeated while the test wants it. */
    @FunctionalInterface
    private interface LoadStep {
        void run() throws Exception;
    }

    private static Thread loadThread(java.util.function.BooleanSupplier going, LoadStep step,
                                     ConcurrentLinkedQueue<String> failures) {
        Thread thread = new Thread(() -> {
            while (going.getAsBoolean()) {
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
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/.rest/registrations/v1")).timeout(REGISTRATION_TIMEOUT)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> pollForRepeat(URI node, String slot, String email) throws Exception {
        try {
            return await().atMost(Duration.ofSeconds(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100))
                    .until(() -> register(node, slot, email), answer -> answer.statusCode() == 200);
        } catch (ConditionTimeoutException notYet) {
            return register(node, slot, email); // the caller's assertion shows the answer
        }
    }

    /** The seed's slots open to the public, as the Delivery API lists them. */
    private List<String> publicSlots(URI node) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(node.resolve("/.rest/delivery/events/v1?limit=100&audience=public"))
                .timeout(Duration.ofSeconds(10)).build();
        JsonNode events = JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        List<String> slots = new ArrayList<>();
        for (JsonNode sheet : events.get("results")) {
            for (JsonNode slot : sheet.get("slots")) {
                if (slot.get("audiences").toString().contains("\"public\"")) {
                    slots.add(slot.get("id").asText());
                }
            }
        }
        assertThat(slots).isNotEmpty();
        return slots;
    }

    private static void awaitAtLeast(AtomicInteger counter, int count, Duration timeout, Object context) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(counter.get()).as("confirmed registrations (failures: %s)", context)
                        .isGreaterThanOrEqualTo(count));
    }

    private int status(URI uri) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private int pollForStatus(URI uri, int expected, Duration timeout) throws Exception {
        try {
            return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(() -> status(uri), status -> status == expected);
        } catch (ConditionTimeoutException notYet) {
            return status(uri); // the caller's assertion shows the last status
        }
    }
}
