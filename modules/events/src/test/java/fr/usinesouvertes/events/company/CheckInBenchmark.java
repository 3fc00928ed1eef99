package fr.usinesouvertes.events.company;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Check-in benchmark: {@code COMPANIES} companies (default 25), each with a published sheet of two slots of
 * {@code PER_SLOT} one-person bookings (default 40: 50 slots, 2,000 bookings), on a segment store over real HTTP; then
 * {@code PHONES_PER_SLOT} phones per slot (default 2: 100 phones), each logged in on its own session, check in every
 * booking of their slot (both phones of a slot the same bookings, as two staff members at one gate) in batches of
 * {@code BATCH} operations sent at once, all phones together, each also adding one walk-in. Prints the sync latency
 * (p50, p99, max), the operations per second, and checks the result: every booking present once, every slot's
 * present persons exactly its bookings plus its walk-ins. Run with {@code bench/checkin-bench.sh}.
 */
public final class CheckInBenchmark {

    private CheckInBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int companies = Integer.getInteger("companies", 25);
        int perSlot = Integer.getInteger("perSlot", 40);
        int phonesPerSlot = Integer.getInteger("phonesPerSlot", 2);
        int batch = Integer.getInteger("batch", 10);
        Path lightModules = Path.of(args.length > 0 ? args[0] : "light-modules").toAbsolutePath();
        Path data = Files.createTempDirectory("checkin-bench");
        List<PlatformModule> modules = List.of(new EventsModule());
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", data.toString(), "port", "0",
                "host", "127.0.0.1", "light-modules", lightModules.toString(), "clock", "2025-10-01T10:00:00+02:00",
                "login-rate-limit", "0"));
        try (Platform platform = Platform.builder(settings).modules(modules).start()) {
            long setup = System.nanoTime();
            Map<String, String> values = new HashMap<>(CompanyFixtures.sheetValues());
            values.put("slot.0.capacity", String.valueOf(Math.max(perSlot, 25))); // the sheet's own minimums hold
            values.put("slot.1.capacity", String.valueOf(Math.max(perSlot, 20)));
            SlotBooking booking = new SlotBooking(platform.repository(), Clock.systemUTC());
            List<Gate> gates = new ArrayList<>();
            for (int c = 0; c < companies; c++) {
                String login = "usine" + c + "@bench.example.fr";
                CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(platform,
                        "Usine " + c, login, "Usine " + c + " de Santes", values);
                for (String slot : List.of(sheet.fridaySlot(), sheet.saturdaySlot())) {
                    for (int b = 0; b < perSlot; b++) {
                        int n = b;
                        booking.book(new BookingRequest(slot, 1, UUID.randomUUID().toString(), node -> {
                            node.setProperty("audience", "public");
                            node.setProperty("name", "Visiteur " + n);
                            node.setProperty("email", "v" + n + "@bench.example.fr");
                        }));
                    }
                    gates.add(new Gate(login, slot));
                }
            }
            System.out.printf("setup: %d slots, %d bookings in %.1f s%n", gates.size(), gates.size() * perSlot,
                    (System.nanoTime() - setup) / 1e9);

            List<Phone> phones = new ArrayList<>();
            for (Gate gate : gates) {
                for (int p = 0; p < phonesPerSlot; p++) {
                    phones.add(Phone.open(platform, gate));
                }
            }
            ExecutorService pool = Executors.newFixedThreadPool(phones.size());
            // a first pass lets the JIT compile the check-in path, as on a server that has been running; the second,
            // measured, sends every check-in again (the same operations: idempotent, the counts must not move)
            run(pool, phones, batch, Collections.synchronizedList(new ArrayList<>()));
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            long start = System.nanoTime();
            int operations = run(pool, phones, batch, latencies);
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("%d phones, %d syncs of up to %d operations (%d operations) in %.1f s: %.0f operations/s%n",
                    phones.size(), sorted.size(), batch, operations, seconds, operations / seconds);
            System.out.printf("sync latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", percentile(sorted, 50),
                    percentile(sorted, 99), sorted.get(sorted.size() - 1) / 1e6);

            int wrong = 0;
            for (Gate gate : gates) {
                JsonNode slot = phones.stream().filter(p -> p.gate == gate).findFirst().orElseThrow().slot();
                long present = slot.get("presentPersons").asLong();
                long expected = perSlot + slot.get("walkIns").size();
                boolean all = true;
                for (JsonNode b : slot.get("bookings")) {
                    all &= b.get("state").asText().equals("present") && b.get("present").asLong() == 1;
                }
                if (present != expected || !all || slot.get("walkIns").size() != phonesPerSlot) {
                    wrong++;
                }
            }
            System.out.println(wrong == 0 ? "check: every booking present once, every slot's count exact"
                    : "check FAILED: " + wrong + " slot(s) with a wrong count");
        } finally {
            fr.usinesouvertes.platform.testing.PlatformExtension.deleteRecursively(data);
        }
    }

    private static int run(ExecutorService pool, List<Phone> phones, int batch, List<Long> latencies) throws Exception {
        List<Future<Integer>> done = new ArrayList<>();
        for (Phone phone : phones) {
            done.add(pool.submit(() -> phone.checkInAll(batch, latencies)));
        }
        int operations = 0;
        for (Future<Integer> future : done) {
            operations += future.get();
        }
        return operations;
    }

    private static double percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private record Gate(String login, String slot) {
    }

    /** A phone at a gate: its own session, its CSRF token, the slot's bookings in a random order. */
    private static final class Phone {
        private final Platform platform;
        private final Gate gate;
        private final AdminBrowser browser;
        private final String csrf;
        private final HttpClient http = HttpClient.newHttpClient();
        private final String walkIn = UUID.randomUUID().toString();

        private Phone(Platform platform, Gate gate, AdminBrowser browser, String csrf) {
            this.platform = platform;
            this.gate = gate;
            this.browser = browser;
            this.csrf = csrf;
        }

        static Phone open(Platform platform, Gate gate) {
            AdminBrowser browser = new AdminBrowser(platform.baseUri());
            browser.login(gate.login(), CompanyAccessTestSupport.PASSWORD);
            String page = browser.get("/admin/pointage/").body();
            int at = page.indexOf("data-csrf=\"") + "data-csrf=\"".length();
            return new Phone(platform, gate, browser, page.substring(at, page.indexOf('"', at)));
        }

        JsonNode slot() throws Exception {
            for (String day : List.of("2026-03-20", "2026-03-21")) {
                JsonNode slots = JsonMapper.mapper().readTree(browser.get("/admin/pointage/jour.json?jour=" + day).body())
                        .get("slots");
                for (JsonNode slot : slots) {
                    if (slot.get("id").asText().equals(gate.slot())) {
                        return slot;
                    }
                }
            }
            throw new IllegalStateException("Slot " + gate.slot() + " not found on the edition's days");
        }

        int checkInAll(int batch, List<Long> latencies) throws Exception {
            List<String> operations = new ArrayList<>();
            for (JsonNode b : slot().get("bookings")) {
                operations.add("{\"type\": \"present\", \"slot\": \"" + gate.slot() + "\", \"registration\": \""
                        + b.get("id").asText() + "\", \"persons\": 1}");
            }
            Collections.shuffle(operations, ThreadLocalRandom.current());
            operations.add("{\"type\": \"walk-in\", \"slot\": \"" + gate.slot() + "\", \"walkIn\": \""
                    + walkIn + "\", \"persons\": 1}");
            for (int from = 0; from < operations.size(); from += batch) {
                String body = "{\"operations\": [" + String.join(", ",
                        operations.subList(from, Math.min(operations.size(), from + batch))) + "]}";
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(platform.baseUri().resolve("/admin/pointage/sync"))
                        .header("Cookie", browser.cookieHeader()).header("X-CSRF-Token", csrf)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                latencies.add(System.nanoTime() - start);
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException("sync answered " + answer.statusCode() + ": " + answer.body());
                }
            }
            return operations.size();
        }
    }
}
