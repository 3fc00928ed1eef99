package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.edition.EditionStore;
import fr.usinesouvertes.events.edition.EventDay;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The edition companies work on: the first whose last day is today or later (platform clock, today in the site's
 * time zone), else the latest.
 */
public final class CurrentEdition {

    private CurrentEdition() {
    }

    public static Optional<Edition> of(EditionStore editions, Clock clock, ZoneId zone) {
        List<Edition> all = editions.all();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return all.stream()
                .filter(e -> !e.days().isEmpty() && !e.days().get(e.days().size() - 1).date().isBefore(today))
                .findFirst()
                .or(() -> all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1)));
    }

    /** Whether every day of the edition is over: recruitment needs are declared after the event. */
    public static boolean isOver(Edition edition, Clock clock, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return edition.days().stream().map(EventDay::date).allMatch(day -> day.isBefore(today));
    }
}
