package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.MutableClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reminder batch benchmark: {@code REGISTRATIONS} confirmed registrations (default 100,000) over {@code SLOTS} slots
 * (default 100) of Friday 20 March 2026, booked before the reminders' moment, on a segment store; then registrations over
 * real HTTP (JSON API, {@code CLIENTS} clients at once, to other slots) for {@code SECONDS} seconds an hour before the
 * 7-day reminders fall due, and again for as long right after the platform's clock passed their moment, while the
 * reminders' job queues the 100,000 reminders and the mail worker sends them. Prints the registrations per second and
 * their latency in both runs, the ratio (the target: during ≥ 0.8 × without), how long the job took to queue every
 * reminder and how many reminders went out during the run. Run with {@code bench/reminder-bench.sh}.
 */
public final class ReminderBenchmark {

    private static final String REGISTRATIONS_API = "/.rest/registrations/v1";

    private ReminderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int registrations = Integer.getInteger("registrations", 100_000);
        int slotCount = Integer.getInteger("slots", 100);
        int clients = Integer.getInteger("clients", 16);
        int seconds = Integer.getInteger("seconds", 20);
        Path lightModules = Path.of(args.length > 0 ? args[0] : "light-modules").toAbsolutePath();
        Path data = Files.createTempDirectory("reminder-bench");
        // 10 February 2026: the visits are on 20 March at 14:00; their 7-day reminders fall due on 13 March at 13:00 UTC
        MutableClock clock = new MutableClock(Instant.parse("2026-02-10T09:00:00Z"));
        List<PlatformModule> modules = List.of(new EventsModule());
        var settings = PlatformLauncher.settingsLoader(modules).parse(Map.of("data", data.toString(), "port", "0",
                "host", "127.0.0.1", "light-modules", lightModules.toString(), "registration-rate-limit", "0",
                "reminder-days", "7", "reminder-interval", "1", "cluster-job-lease", "3"));
        try (Platform platform = Platform.builder(settings).modules(modules).clock(clock).start()) {
            ContentRepository repository = platform.repository();
            long setup = System.nanoTime();
            List<String> reminded = new ArrayList<>();
            for (int s = 0; s < slotCount; s++) {
                reminded.add(EventSheetFixtures.slot(repository, registrations, 6, "public"));
            }
            book(new SlotBooking(repository, clock), reminded, registrations);
            List<String> open = new ArrayList<>();
            for (int s = 0; s < 10; s++) {
                open.add(EventSheetFixtures.slot(repository, 1_000_000, 6, "public"));
            }
            System.out.printf("setup: %d registrations over %d slots in %.1f s%n", registrations, slotCount,
                    (System.nanoTime() - setup) / 1e9);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            AtomicLong sequence = new AtomicLong();
            clock.set(Instant.parse("2026-03-13T12:00:00Z")); // an hour before the reminders' moment
            load(http, platform.baseUri(), open, clients, 10, sequence); // warms the JIT, not reported
            Run without = load(http, platform.baseUri(), open, clients, seconds, sequence);
            System.out.println("without the reminder batch: " + without);

            long pendingBefore = new fr.usinesouvertes.events.mail.MailQueue(repository, java.time.Clock.systemUTC())
                    .counts()[0];
            clock.set(Instant.parse("2026-03-13T13:00:30Z")); // the 7-day reminders fall due
            long triggered = System.nanoTime();
            ExecutorService watcher = Executors.newSingleThreadExecutor();
            Future<Double> queuedIn = watcher.submit(() -> {
                while (!allHandled(repository, reminded)) {
                    Thread.sleep(200);
                }
                return (System.nanoTime() - triggered) / 1e9;
            });
            Run during = load(http, platform.baseUri(), open, clients, seconds, sequence);
            System.out.println("during the reminder batch:  " + during);
            System.out.printf("ratio: %.2f (target ≥ 0.80)%n", during.perSecond() / without.perSecond());
            System.out.printf("every reminder queued %.1f s after its moment; e-mails pending now: %d (before: %d)%n",
                    queuedIn.get(), new fr.usinesouvertes.events.mail.MailQueue(repository, java.time.Clock.systemUTC())
                            .counts()[0], pendingBefore);
            watcher.shutdown();
        } finally {
            fr.usinesouvertes.platform.testing.PlatformExtension.deleteRecursively(data);
        }
    }

    /** Books {@code count} one-person registrations spread over {@code slots}, eight threads at once. */
    private static void book(SlotBooking booking, List<String> slots, int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            done.add(threads.submit(() -> {
                for (int i = thread; i < count; i += 8) {
                    int n = i;
                    booking.book(new BookingRequest(slots.get(n % slots.size()), 1, UUID.randomUUID().toString(), node -> {
                        node.setProperty("audience", "public");
                        node.setProperty("name", "Visiteur " + n);
                        node.setProperty("email", "v" + n + "@rappel.example.fr");
                        node.setProperty("lang", n % 5 == 0 ? "en" : "fr");
                    }));
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        threads.shutdown();
    }

    /** Whether the reminders' job marked every slot's 7-day reminder handled. */
    private static boolean allHandled(ContentRepository repository, List<String> slots) {
        return repository.read(session -> {
            for (String slot : slots) {
                javax.jcr.Node folder = session.getNode("/registrations/" + slot);
                if (!folder.hasProperty("remindersHandled")) {
                    return false;
                }
            }
            return true;
        });
    }

    /** Registrations answered 201 in a run, per second, and their latency. */
    private record Run(long registrations, double seconds, double p50, double p99) {

        double perSecond() {
            return registrations / seconds;
        }

        @Override
        public String toString() {
            return String.format("%d registrations in %.1f s: %.0f/s, latency p50 %.1f ms, p99 %.1f ms", registrations,
                    seconds, perSecond(), p50, p99);
        }
    }

    private static Run load(HttpClient http, URI base, List<String> slots, int clients, int seconds, AtomicLong sequence)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    long n = sequence.incrementAndGet();
                    String body = RegistrationResourceTest.publicBody(slots.get((int) (n % slots.size())),
                            "inscrit" + n + "@charge.example.fr", 1, "fr");
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(REGISTRATIONS_API))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                    if (answer.statusCode() != 201) {
                        throw new IllegalStateException("registration answered " + answer.statusCode() + ": "
                                + answer.body());
                    }
                    latencies.add(System.nanoTime() - sent);
                }
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        threads.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Run(sorted.size(), elapsed, percentile(sorted, 50), percentile(sorted, 99));
    }

    private static double percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
