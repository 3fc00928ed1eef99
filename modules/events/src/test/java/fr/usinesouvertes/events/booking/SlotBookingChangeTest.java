package fr.usinesouvertes.events.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A registrant changes a booking: head count on its slot, or a move to another slot, capacity-safe. */
class SlotBookingChangeTest {

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

    private BookingOutcome book(String slot, int persons, String key) {
        return booking.book(new BookingRequest(slot, persons, key, node -> node.setProperty("email", key + "@example.org")));
    }

    private BookingChange change(String id, int persons, String slot, List<BookingChange> followed) {
        return booking.change(id, persons, slot, node -> false, (session, change) -> followed.add(change));
    }

    private long booked(String slot) {
        return repository.read(session -> SlotCounts.of(session, session.getNodeByIdentifier(slot)).bookedPersons());
    }

    private String status(String id) {
        return repository.read(session -> session.getNodeByIdentifier(id).getProperty("status").getString());
    }

    private long sequence(String id) {
        return repository.read(session -> session.getNodeByIdentifier(id).getProperty(SlotBooking.CALENDAR_SEQUENCE).getLong());
    }

    @Test
    void anIncreaseWithinThePlacesLeftStaysConfirmedAndOneBeyondIsRefusedNamingThemWithNothingChanged() {
        String slot = BookingTestSupport.slot(repository, 10);
        String id = book(slot, 4, "a").registrationId();
        book(slot, 3, "b");
        List<BookingChange> followed = new ArrayList<>();

        BookingChange grown = change(id, 6, slot, followed);

        assertThat(grown.changed()).isTrue();
        assertThat(grown.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(booked(slot)).isEqualTo(9);
        assertThat(sequence(id)).isEqualTo(1);
        assertThatThrownBy(() -> change(id, 8, slot, followed)).isInstanceOfSatisfying(BookingChangeRefusedException.class,
                refused -> {
                    assertThat(refused.reason()).isEqualTo(BookingChangeRefusedException.Reason.NOT_ENOUGH_PLACES);
                    assertThat(refused.placesLeft()).isEqualTo(1);
                });
        assertThat(booked(slot)).isEqualTo(9);
        assertThat(BookingTestSupport.confirmedPersons(repository, slot)).isEqualTo(9);
        assertThat(sequence(id)).isEqualTo(1);
        assertThat(followed).hasSize(1);
    }

    @Test
    void theSameValuesChangeNothingAndFollowNothing() {
        String slot = BookingTestSupport.slot(repository, 10);
        String id = book(slot, 4, "a").registrationId();
        List<BookingChange> followed = new ArrayList<>();

        BookingChange same = change(id, 4, slot, followed);

        assertThat(same.changed()).isFalse();
        assertThat(followed).isEmpty();
        boolean sequenced = repository.read(session -> session.getNodeByIdentifier(id).hasProperty(SlotBooking.CALENDAR_SEQUENCE));
        assertThat(sequenced).isFalse();
    }

    @Test
    void aReductionFreesPlacesAndPromotesTheWaitingList() {
        String slot = BookingTestSupport.slot(repository, 10);
        String id = book(slot, 8, "a").registrationId();
        String waiting = book(slot, 4, "b").registrationId();
        String stillWaiting = book(slot, 6, "c").registrationId();
        List<BookingChange> followed = new ArrayList<>();

        BookingChange reduced = change(id, 5, slot, followed);

        assertThat(reduced.promoted()).containsExactly(waiting);
        assertThat(status(waiting)).isEqualTo("confirmed");
        assertThat(status(stillWaiting)).isEqualTo("waitlisted");
        assertThat(booked(slot)).isEqualTo(9).isEqualTo(BookingTestSupport.confirmedPersons(repository, slot));
        assertThat(booking.outcome(stillWaiting).position()).isEqualTo(1);
    }

    @Test
    void aMoveTakesThePlacesOnTheTargetFreesThemOnTheSourceAndKeepsTheIdentifier() {
        String source = BookingTestSupport.slot(repository, 10);
        String target = BookingTestSupport.slot(repository, 10);
        String id = book(source, 10, "a").registrationId();
        String waiting = book(source, 3, "b").registrationId();
        book(target, 4, "c");
        List<BookingChange> followed = new ArrayList<>();

        BookingChange moved = change(id, 6, target, followed);

        assertThat(moved.slotId()).isEqualTo(target);
        assertThat(moved.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(moved.promoted()).containsExactly(waiting);
        assertThat(booked(source)).isEqualTo(3).isEqualTo(BookingTestSupport.confirmedPersons(repository, source));
        assertThat(booked(target)).isEqualTo(10).isEqualTo(BookingTestSupport.confirmedPersons(repository, target));
        String path = repository.read(session -> session.getNodeByIdentifier(id).getPath());
        assertThat(path).startsWith("/registrations/" + target + "/");
        assertThat(booking.outcome(id).status()).isEqualTo(RegistrationStatus.CONFIRMED);
        // the target is full now: a move there is refused, naming the places left
        String other = book(source, 2, "d").registrationId();
        assertThatThrownBy(() -> change(other, 2, target, followed)).isInstanceOfSatisfying(BookingChangeRefusedException.class,
                refused -> assertThat(refused.placesLeft()).isZero());
        assertThat(booked(source)).isEqualTo(5);
    }

    @Test
    void aWaitingRegistrationKeepsItsPositionWhenItsHeadCountChangesAndIsConfirmedWhereItMoves() {
        String full = BookingTestSupport.slot(repository, 5);
        String open = BookingTestSupport.slot(repository, 10);
        book(full, 5, "a");
        String first = book(full, 3, "b").registrationId();
        String second = book(full, 2, "c").registrationId();
        List<BookingChange> followed = new ArrayList<>();

        BookingChange grown = change(first, 4, full, followed);
        assertThat(grown.status()).isEqualTo(RegistrationStatus.WAITLISTED);
        assertThat(grown.position()).isEqualTo(1);

        BookingChange moved = change(first, 4, open, followed);
        assertThat(moved.status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(booked(open)).isEqualTo(4);
        assertThat(booked(full)).isEqualTo(5);
        assertThat(booking.outcome(second).position()).isEqualTo(1);
        long waiting = repository.read(session -> SlotCounts.of(session, session.getNodeByIdentifier(full)).waitingRegistrations());
        assertThat(waiting).isEqualTo(1);
    }

    @Test
    void aCancelledRegistrationCannotChange() {
        String slot = BookingTestSupport.slot(repository, 10);
        String id = book(slot, 2, "a").registrationId();
        booking.cancel(id);

        assertThatThrownBy(() -> change(id, 3, slot, new ArrayList<>())).isInstanceOfSatisfying(
                BookingChangeRefusedException.class,
                refused -> assertThat(refused.reason()).isEqualTo(BookingChangeRefusedException.Reason.CANCELLED));
        assertThat(booked(slot)).isZero();
    }

    @Test
    void changesMovesAndBookingsRacingOnANearlyFullSlotNeverOverbook() throws Exception {
        // Two SlotBooking instances share no lock, as two cluster nodes would: only the ledgers' tokens keep the count.
        SlotBooking otherNode = new SlotBooking(repository, Clock.systemUTC());
        String hot = BookingTestSupport.slot(repository, 30);
        String other = BookingTestSupport.slot(repository, 40);
        List<String> onHot = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            onHot.add(book(hot, 3, "hot-" + i).registrationId()); // 27 of 30
        }
        List<String> onOther = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            onOther.add(book(other, 2, "other-" + i).registrationId()); // 24 of 40
        }
        AtomicInteger refused = new AtomicInteger();

        BookingTestSupport.concurrently(120, i -> {
            SlotBooking node = i % 2 == 0 ? booking : otherNode;
            try {
                switch (i % 4) {
                    case 0 -> node.book(new BookingRequest(hot, 1 + i % 3, "new-" + i, n -> n.setProperty("email", "x")));
                    case 1 -> node.change(onOther.get(i % onOther.size()), 2, hot, n -> false, (s, c) -> { });
                    case 2 -> node.change(onHot.get(i % onHot.size()), 3 + i % 4, hot, n -> false, (s, c) -> { });
                    default -> node.change(onHot.get(i % onHot.size()), 1, hot, n -> false, (s, c) -> { });
                }
            } catch (BookingChangeRefusedException e) {
                refused.incrementAndGet();
            }
            return null;
        });

        for (String slot : List.of(hot, other)) {
            long counted = booked(slot);
            assertThat(counted).isEqualTo(BookingTestSupport.confirmedPersons(repository, slot));
            long capacity = slot.equals(hot) ? 30 : 40;
            assertThat(counted).isLessThanOrEqualTo(capacity);
        }
        assertThat(refused.get()).isPositive();
        long waitingOnHot = repository.read(session -> {
            long n = 0;
            for (javax.jcr.NodeIterator it = session.getNode("/registrations/" + hot).getNodes(); it.hasNext(); ) {
                javax.jcr.Node registration = it.nextNode();
                if ("waitlisted".equals(registration.getProperty("status").getString())) {
                    n++;
                }
            }
            return n;
        });
        long countedWaiting = repository.read(session -> SlotCounts.of(session, session.getNodeByIdentifier(hot)).waitingRegistrations());
        assertThat(countedWaiting).isEqualTo(waitingOnHot);
    }
}
