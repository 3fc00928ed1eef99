package fr.usinesouvertes.webapp.bench;

import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.DocumentStoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackend;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.jcr.Node;

/**
 * Load driver for {@code bench/cluster-bench.sh}: bookings per second over {@link SlotBooking} with one
 * and with two repository nodes on the same PostgreSQL (the registration HTTP API does not exist yet),
 * and the visibility delay of a write on node A as seen from node B. Arguments: JDBC URL, bookings.
 */
public final class BookingBench {

    private BookingBench() {
    }

    public static void main(String[] args) throws Exception {
        String jdbcUrl = args[0];
        int bookings = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        ContentRepository a = open(jdbcUrl);
        ContentRepository b = open(jdbcUrl);
        try {
            System.out.printf("bookings, 1 node : %.0f bookings/s%n", bookingsPerSecond(List.of(a), a, b, bookings));
            System.out.printf("bookings, 2 nodes: %.0f bookings/s%n", bookingsPerSecond(List.of(a, b), a, b, bookings));
            long[] delays = new long[20];
            for (int i = 0; i < delays.length; i++) {
                delays[i] = visibilityMillis(a, b);
            }
            Arrays.sort(delays);
            System.out.printf("visibility A->B  : median %d ms, max %d ms (read interval %s ms)%n",
                    delays[delays.length / 2], delays[delays.length - 1], System.getProperty("readInterval", "1000"));
        } finally {
            b.close();
            a.close();
        }
    }

    private static ContentRepository open(String jdbcUrl) throws Exception {
        int readInterval = Integer.parseInt(System.getProperty("readInterval", "1000"));
        DocumentStoreBackend backend = new DocumentStoreBackend(Files.createTempDirectory("bench-node"),
                new DocumentStoreBackend.Options(jdbcUrl, "postgres", "postgres", 16, 0, readInterval,
                        Duration.ofMinutes(1)));
        try (StoreBackend.StartupGuard ignored = backend.exclusiveStartup()) {
            return ContentRepository.open(backend);
        }
    }

    /** Many slots of 30 places (as on an opening day), bookings spread over the given nodes, 32 threads. */
    private static double bookingsPerSecond(List<ContentRepository> nodes, ContentRepository a, ContentRepository b,
                                            int bookings) throws Exception {
        int slotCount = Math.max(1, bookings / 20);
        List<String> slots = a.write(session -> {
            Node root = session.getRootNode().hasNode("bench-slots") ? session.getNode("/bench-slots")
                    : session.getRootNode().addNode("bench-slots", "nt:unstructured");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < slotCount; i++) {
                Node slot = root.addNode("s" + System.nanoTime() + "-" + i, "mgnl:contentNode");
                slot.setProperty("capacity", 30L);
                ids.add(slot.getIdentifier());
            }
            return ids;
        });
        String last = slots.get(slots.size() - 1);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(10)).pollInSameThread()
                .until(() -> b.read(session -> session.nodeExists(a.read(s -> s.getNodeByIdentifier(last).getPath()))));
        List<SlotBooking> bookers = nodes.stream().map(node -> new SlotBooking(node, Clock.systemUTC())).toList();
        ExecutorService pool = Executors.newFixedThreadPool(32);
        AtomicInteger confirmed = new AtomicInteger();
        long started = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < bookings; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    SlotBooking booking = bookers.get(index % bookers.size());
                    BookingOutcome outcome = booking.book(new BookingRequest(slots.get(index % slots.size()), 1,
                            "bench-" + started + "-" + index, node -> node.setProperty("email", "bench@example.org")));
                    if (outcome.status() == RegistrationStatus.CONFIRMED) {
                        confirmed.incrementAndGet();
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return bookings / seconds;
    }

    private static long visibilityMillis(ContentRepository a, ContentRepository b) throws Exception {
        String name = "v" + System.nanoTime();
        a.write(session -> {
            Node root = session.getRootNode().hasNode("bench-visibility") ? session.getNode("/bench-visibility")
                    : session.getRootNode().addNode("bench-visibility", "nt:unstructured");
            root.addNode(name, "nt:unstructured");
            return null;
        });
        long written = System.nanoTime();
        await().atMost(Duration.ofMinutes(1)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).pollInSameThread()
                .until(() -> b.read(session -> session.nodeExists("/bench-visibility/" + name)));
        return (System.nanoTime() - written) / 1_000_000;
    }
}
