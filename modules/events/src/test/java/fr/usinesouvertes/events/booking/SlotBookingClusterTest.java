package fr.usinesouvertes.events.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.DocumentStoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackend;
import fr.usinesouvertes.platform.cluster.ClusterNodes;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bookings spread over two repository nodes sharing one PostgreSQL never overbook a slot. */
class SlotBookingClusterTest {

    private static ClusterNodes.Pair<ContentRepository> cluster;
    private static ContentRepository nodeA;
    private static ContentRepository nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = ClusterNodes.startPair(SlotBookingClusterTest::open);
        nodeA = cluster.a();
        nodeB = cluster.b();
    }

    private static ContentRepository open(String jdbcUrl) throws Exception {
        DocumentStoreBackend backend = new DocumentStoreBackend(Files.createTempDirectory("booking-node"),
                new DocumentStoreBackend.Options(jdbcUrl, "postgres", "postgres", 16, 0, 100, Duration.ofMinutes(1)));
        try (StoreBackend.StartupGuard ignored = backend.exclusiveStartup()) {
            return ContentRepository.open(backend);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoHundredConcurrentBookingsOverTwoNodesConfirmExactlyThirtyPersons() throws Exception {
        String slot = BookingTestSupport.slot(nodeA, 30);
        awaitVisible(nodeB, slot);
        SlotBooking onA = new SlotBooking(nodeA, Clock.systemUTC());
        SlotBooking onB = new SlotBooking(nodeB, Clock.systemUTC());

        List<BookingOutcome> outcomes = BookingTestSupport.concurrently(200, i -> (i % 2 == 0 ? onA : onB)
                .book(new BookingRequest(slot, 1, "visitor-" + i, node -> node.setProperty("email", "v@example.org"))));

        assertThat(outcomes).hasSize(200);
        long confirmed = outcomes.stream().filter(o -> o.status() == RegistrationStatus.CONFIRMED).count();
        assertThat(confirmed).isEqualTo(30);
        assertThat(outcomes.stream().filter(o -> o.status() == RegistrationStatus.WAITLISTED)).hasSize(170);
        for (ContentRepository node : List.of(nodeA, nodeB)) {
            awaitBooked(node, slot, 30);
            assertThat(BookingTestSupport.confirmedPersons(node, slot)).isEqualTo(30);
        }
    }

    private static void awaitVisible(ContentRepository node, String id) {
        await("slot " + id + " visible on the other node within 10 s").atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(20)).pollInSameThread() // reads on this thread's repository session
                .until(() -> node.read(session -> {
                    try {
                        session.getNodeByIdentifier(id);
                        return true;
                    } catch (javax.jcr.ItemNotFoundException e) {
                        return false;
                    }
                }));
    }

    private static void awaitBooked(ContentRepository node, String slot, long persons) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).pollInSameThread()
                .untilAsserted(() -> assertThat(bookedPersons(node, slot)).isEqualTo(persons));
    }

    private static long bookedPersons(ContentRepository node, String slot) {
        return node.read(session -> SlotCounts.of(session, session.getNodeByIdentifier(slot)).bookedPersons());
    }

}
