package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import java.time.ZonedDateTime;
import java.util.Set;

/**
 * A time slot of an event sheet as the company enters it.
 *
 * @param maxPersons most persons one registration may bring, or null for the platform's default
 */
public record SlotForm(ZonedDateTime start, ZonedDateTime end, long capacity, Set<Audience> audiences, Long maxPersons) {

    public SlotForm {
        audiences = Set.copyOf(audiences);
    }
}
