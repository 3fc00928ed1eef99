package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A time slot of an event sheet as the company enters it.
 *
 * @param maxPersons most persons one registration may bring, or null for the platform's default
 * @param id         the published slot this row edits (its jcr:uuid, hidden field {@code slot.N.id} of a published
 *                   sheet's change), or null for a new slot
 */
public record SlotForm(ZonedDateTime start, ZonedDateTime end, long capacity, Set<Audience> audiences, Long maxPersons,
                       String id) {

    public SlotForm {
        audiences = Set.copyOf(audiences);
    }

    public SlotForm(ZonedDateTime start, ZonedDateTime end, long capacity, Set<Audience> audiences, Long maxPersons) {
        this(start, end, capacity, audiences, maxPersons, null);
    }
}
