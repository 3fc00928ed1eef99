package fr.usinesouvertes.events.edition;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One day of an edition and the visitor audiences factories may welcome that day.
 *
 * @param name      node name, e.g. {@code friday}
 * @param date      the day, in the site's time zone
 * @param audiences visitor audiences allowed that day
 */
public record EventDay(String name, LocalDate date, Set<Audience> audiences) {

    public EventDay {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        audiences = Set.copyOf(audiences);
    }

    public boolean welcomes(Audience audience) {
        return audiences.contains(audience);
    }
}
