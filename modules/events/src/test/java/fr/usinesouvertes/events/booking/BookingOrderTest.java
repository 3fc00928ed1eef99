package fr.usinesouvertes.events.booking;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.junit.jupiter.api.Test;

class BookingOrderTest {

    @Test
    void bookingsOfTheSameMillisecondKeepTheirOrderAndLaterDaysComeLater() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            String slot = BookingTestSupport.slot(repository, 100);
            // A fixed clock: every booking of the first day shares its millisecond, as in one group commit.
            SlotBooking firstDay = new SlotBooking(repository, Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC));
            SlotBooking nextMonth = new SlotBooking(repository, Clock.fixed(Instant.parse("2027-01-02T09:00:00Z"), ZoneOffset.UTC));
            List<String> booked = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                booked.add(book(firstDay, slot, "early-" + i));
            }
            booked.add(book(nextMonth, slot, "late"));

            List<String> ordered = repository.read(session -> {
                List<Node> nodes = new ArrayList<>();
                for (NodeIterator it = SlotBooking.registrationsFolder(session, slot).getNodes(); it.hasNext(); ) {
                    nodes.add(it.nextNode());
                }
                nodes.sort(BookingOrder.REGISTRATIONS);
                List<String> ids = new ArrayList<>();
                for (Node node : nodes) {
                    ids.add(node.getIdentifier());
                }
                return ids;
            });

            assertThat(ordered).containsExactlyElementsOf(booked);
        }
    }

    private static String book(SlotBooking booking, String slot, String key) {
        return booking.book(new BookingRequest(slot, 1, key, node -> node.setProperty("email", key + "@example.org")))
                .registrationId();
    }
}
