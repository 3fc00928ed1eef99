package fr.usinesouvertes.events.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlotBookingTest {

    @TempDir
    Path data;

    private ContentRepository repository;
    private SlotBooking booking;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new SegmentStoreBackend(data));
        booking = new SlotBooking(repository, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private static BookingRequest request(String slot, int persons, String key) {
        return new BookingRequest(slot, persons, key, node -> node.setProperty("email", key + "@example.org"));
    }

    @Test
    void twoHundredConcurrentBookingsNeverExceedThirtyPersons() throws Exception {
        String slot = BookingTestSupport.slot(repository, 30);
        List<BookingOutcome> outcomes = BookingTestSupport.concurrently(200, i -> booking.book(request(slot, 1, "visitor-" + i)));

        long confirmed = outcomes.stream().filter(o -> o.status() == RegistrationStatus.CONFIRMED).count();
        assertThat(confirmed).isEqualTo(30);
        assertThat(BookingTestSupport.confirmedPersons(repository, slot)).isEqualTo(30);
        assertThat(booking.placesLeft(slot)).isZero();
        List<Integer> positions = outcomes.stream().filter(o -> o.position() != null).map(BookingOutcome::position)
                .sorted().toList();
        assertThat(positions).hasSize(170).doesNotHaveDuplicates().first().isEqualTo(1);
        assertThat(positions.get(169)).isEqualTo(170);
    }

    @Test
    void twoBookersWithoutSharedLocksStillNeverOverbook() throws Exception {
        // Two SlotBooking instances share no lock, as two cluster nodes would: only Oak's conflict
        // detection on the slot's token keeps the count right.
        SlotBooking otherNode = new SlotBooking(repository, Clock.systemUTC());
        String slot = BookingTestSupport.slot(repository, 30);
        List<BookingOutcome> outcomes = BookingTestSupport.concurrently(200, i -> (i % 2 == 0 ? booking : otherNode)
                .book(request(slot, 1 + i % 3, "visitor-" + i)));

        long confirmedPersons = BookingTestSupport.confirmedPersons(repository, slot);
        assertThat(confirmedPersons).isLessThanOrEqualTo(30).isGreaterThanOrEqualTo(28);
        long counted = repository.read(session -> SlotCounts.of(session, session.getNodeByIdentifier(slot)).bookedPersons());
        assertThat(counted).isEqualTo(confirmedPersons);
        assertThat(outcomes).hasSize(200);
    }

    @Test
    void bookingsChangeThePublicContentOnlyWhenTheSlotFillsUpOrFreesUp() {
        String slot = BookingTestSupport.slot(repository, 3);
        long before = repository.changeCount("events");

        booking.book(request(slot, 1, "first"));
        booking.book(request(slot, 1, "second"));
        assertThat(repository.changeCount("events")).as("seats left: the counters are bookkeeping").isEqualTo(before);
        assertThat(booking.placesLeft(slot)).isEqualTo(1);
        assertThat(bookedUp(slot)).isFalse();

        String last = booking.book(request(slot, 1, "third")).registrationId();
        assertThat(repository.changeCount("events")).as("booked up").isEqualTo(before + 1);
        assertThat(bookedUp(slot)).isTrue();

        booking.book(request(slot, 1, "waiting"));
        assertThat(repository.changeCount("events")).as("waiting list of a booked-up slot").isEqualTo(before + 1);

        booking.cancel(last); // the waiting registration takes the seat: still booked up
        assertThat(repository.changeCount("events")).isEqualTo(before + 1);
        booking.cancel(booking.book(request(slot, 1, "first")).registrationId()); // a repeat: the first registration
        assertThat(repository.changeCount("events")).as("a seat came free").isEqualTo(before + 2);
        assertThat(bookedUp(slot)).isFalse();
        assertThat(booking.placesLeft(slot)).isEqualTo(1);
    }

    @Test
    void countersKeptOnTheSlotByAnEarlierVersionMoveToTheLedgerWithTheUpdateTask() {
        String slot = BookingTestSupport.slot(repository, 30);
        repository.write(session -> {
            javax.jcr.Node node = session.getNodeByIdentifier(slot);
            node.setProperty("bookedPersons", 28L);
            node.setProperty("bookings", 12L);
            node.setProperty("bookingToken", "earlier");
            return null;
        });

        int moved = repository.write(SlotBooking::moveCountersOfEarlierVersions);

        assertThat(moved).isEqualTo(1);
        assertThat(booking.placesLeft(slot)).isEqualTo(2);

        BookingOutcome outcome = booking.book(request(slot, 3, "too-many"));

        assertThat(outcome.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(booking.book(request(slot, 2, "fits")).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        repository.read(session -> {
            javax.jcr.Node node = session.getNodeByIdentifier(slot);
            assertThat(node.hasProperty("bookedPersons") || node.hasProperty("bookings") || node.hasProperty("bookingToken"))
                    .as("counters left on the slot").isFalse();
            SlotCounts counts = SlotCounts.of(session, node);
            assertThat(counts.bookedPersons()).isEqualTo(30);
            assertThat(counts.waitingRegistrations()).isEqualTo(1);
            assertThat(session.getNode("/" + SlotBooking.WORKSPACE + "/" + slot).getProperty("bookings").getLong()).isEqualTo(14);
            return null;
        });
    }

    private boolean bookedUp(String slot) {
        return repository.read(session -> {
            javax.jcr.Node node = session.getNodeByIdentifier(slot);
            return node.hasProperty(SlotLedger.BOOKED_UP) && node.getProperty(SlotLedger.BOOKED_UP).getBoolean();
        });
    }

    @Test
    void doubleSubmitBooksOnce() {
        String slot = BookingTestSupport.slot(repository, 10);
        BookingOutcome first = booking.book(request(slot, 3, "same-form"));
        BookingOutcome second = booking.book(request(slot, 3, "same-form"));
        assertThat(first.repeated()).isFalse();
        assertThat(second.repeated()).isTrue();
        assertThat(second.registrationId()).isEqualTo(first.registrationId());
        assertThat(second.status()).isEqualTo(first.status());
        assertThat(booking.placesLeft(slot)).isEqualTo(7);
    }

    @Test
    void cancellationPromotesTheFirstWaitingRegistrationsThatFit() {
        String slot = BookingTestSupport.slot(repository, 5);
        BookingOutcome family = booking.book(request(slot, 4, "family"));
        BookingOutcome single = booking.book(request(slot, 1, "single"));
        BookingOutcome big = booking.book(request(slot, 5, "big-group"));
        BookingOutcome pair = booking.book(request(slot, 2, "pair"));
        BookingOutcome trio = booking.book(request(slot, 3, "trio"));
        assertThat(big.position()).isEqualTo(1);
        assertThat(pair.position()).isEqualTo(2);
        assertThat(trio.position()).isEqualTo(3);

        List<String> promoted = booking.cancel(family.registrationId());

        // 4 seats free: the big group (5) does not fit, the pair (2) does, then the trio (3) no longer does.
        assertThat(promoted).containsExactly(pair.registrationId());
        assertThat(booking.placesLeft(slot)).isEqualTo(2);
        assertThat(booking.cancel(family.registrationId())).isEmpty(); // cancelling twice changes nothing
        assertThat(single.status()).isEqualTo(RegistrationStatus.CONFIRMED);
    }

    @Test
    void unknownSlotIsReportedAndNothingIsStored() {
        assertThatThrownBy(() -> booking.book(request("no-such-slot", 1, "x")))
                .isInstanceOf(SlotNotFoundException.class);
        long folders = repository.read(session -> session.getNode("/registrations").getNodes().getSize());
        assertThat(folders).isZero();
    }


    @Test
    void cancellingEveryRegistrationOfACancelledSlotEmptiesItAndLaterBookingsAreRefused() {
        String slot = BookingTestSupport.slot(repository, 4);
        booking.book(request(slot, 3, "class"));
        booking.book(request(slot, 1, "family"));
        booking.book(request(slot, 2, "waiting-1"));
        booking.book(request(slot, 1, "waiting-2"));

        List<SlotBooking.CancelledRegistration> cancelled = repository.write(session -> {
            javax.jcr.Node node = session.getNodeByIdentifier(slot);
            node.setProperty(SlotBooking.CANCELLED_FLAG, true);
            return SlotBooking.cancelEveryRegistration(session, node, "Atelier fermé pour travaux", java.util.Calendar.getInstance());
        });

        assertThat(cancelled).extracting(SlotBooking.CancelledRegistration::waitingPosition).containsExactly(null, null, 1, 2);
        assertThat(BookingTestSupport.confirmedPersons(repository, slot)).isZero();
        assertThat(booking.placesLeft(slot)).isEqualTo(4);
        repository.read(session -> {
            assertThat(SlotCounts.of(session, session.getNodeByIdentifier(slot)).waitingRegistrations()).isZero();
            return null;
        });
        assertThatThrownBy(() -> booking.book(request(slot, 1, "late"))).isInstanceOf(SlotCancelledException.class);
        List<SlotBooking.CancelledRegistration> again = repository.write(session -> SlotBooking.cancelEveryRegistration(
                session, session.getNodeByIdentifier(slot), "again", java.util.Calendar.getInstance()));
        assertThat(again).as("twice: nothing more").isEmpty();
    }

    @Test
    void bookingsRacingTheCancellationOfTheirSlotNeverLeaveAConfirmedRegistration() throws Exception {
        String slot = BookingTestSupport.slot(repository, 30);
        List<Object> outcomes = BookingTestSupport.concurrently(80, i -> {
            if (i == 40) {
                for (int attempt = 0; ; attempt++) {
                    try {
                        return repository.write(session -> {
                            javax.jcr.Node node = session.getNodeByIdentifier(slot);
                            node.setProperty(SlotBooking.CANCELLED_FLAG, true);
                            return SlotBooking.cancelEveryRegistration(session, node, "Grève", java.util.Calendar.getInstance());
                        });
                    } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                        if (attempt > 20) {
                            throw e;
                        }
                    }
                }
            }
            try {
                return booking.book(request(slot, 1, "visitor-" + i));
            } catch (SlotCancelledException refused) {
                return refused;
            }
        });

        assertThat(outcomes).hasSize(80);
        assertThat(BookingTestSupport.confirmedPersons(repository, slot)).isZero();
        repository.read(session -> {
            SlotCounts counts = SlotCounts.of(session, session.getNodeByIdentifier(slot));
            assertThat(counts.bookedPersons()).isZero();
            assertThat(counts.waitingRegistrations()).isZero();
            for (javax.jcr.NodeIterator it = session.getNode("/" + SlotBooking.WORKSPACE + "/" + slot).getNodes(); it.hasNext(); ) {
                javax.jcr.Node registration = it.nextNode();
                if (registration.hasProperty("status")) {
                    assertThat(registration.getProperty("status").getString()).isEqualTo("cancelled");
                }
            }
            return null;
        });
    }
}
