package fr.usinesouvertes.events.site;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * A time slot as the public sees it: no booking ledger internals, only the places left.
 *
 * @param id          the slot node's jcr:uuid
 * @param placesLeft  capacity minus booked persons, never negative
 * @param audiences   wire names of the audiences allowed ({@code school}, {@code franceTravail}, {@code public})
 * @param cancelled   the slot's visit is cancelled: it takes no registration
 */
public record PublicSlot(String id, ZonedDateTime start, ZonedDateTime end, long capacity, long placesLeft,
                         List<String> audiences, Long maxPersonsPerRegistration, boolean cancelled) {

    public PublicSlot(String id, ZonedDateTime start, ZonedDateTime end, long capacity, long placesLeft,
                      List<String> audiences, Long maxPersonsPerRegistration) {
        this(id, start, end, capacity, placesLeft, audiences, maxPersonsPerRegistration, false);
    }

    public boolean isFull() {
        return placesLeft <= 0;
    }
}
