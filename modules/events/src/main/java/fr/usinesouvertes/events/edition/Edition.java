package fr.usinesouvertes.events.edition;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One yearly edition of the event: its days, who may come each day, and when each audience may sign
 * up, nationally and per region. All of it is data edited by organisers, read from the repository.
 *
 * @param year              e.g. 2026; also the edition's node name
 * @param days              the event days, in date order
 * @param windows           national sign-up window per audience; an audience without one cannot sign up
 * @param regionalOverrides windows replacing the national one's opening and/or closing in one region
 * @param reminderDays      days before a visit of this edition its confirmed registrants are reminded, largest first
 *                          (empty: none); {@code null}: the module's {@code reminder-days} setting
 */
public record Edition(int year, List<EventDay> days, Map<Audience, SignUpWindow> windows,
                      List<SignUpWindow> regionalOverrides, List<Integer> reminderDays) {

    /** An edition whose reminders follow the module's {@code reminder-days} setting. */
    public Edition(int year, List<EventDay> days, Map<Audience, SignUpWindow> windows,
                   List<SignUpWindow> regionalOverrides) {
        this(year, days, windows, regionalOverrides, null);
    }

    public Edition {
        reminderDays = reminderDays == null ? null : List.copyOf(reminderDays);
        days = days.stream().sorted(Comparator.comparing(EventDay::date)).toList();
        windows = Map.copyOf(windows);
        regionalOverrides = List.copyOf(regionalOverrides);
        windows.forEach((audience, window) -> {
            if (window.audience() != audience || window.region() != null) {
                throw new IllegalArgumentException("National window of " + audience.id() + " is misfiled");
            }
        });
        if (regionalOverrides.stream().anyMatch(w -> w.region() == null)) {
            throw new IllegalArgumentException("A regional override needs a region");
        }
    }

    /** The edition's reminder days, else {@code fallback} (the module's setting). */
    public List<Integer> reminderDaysOr(List<Integer> fallback) {
        return reminderDays != null ? reminderDays : fallback;
    }

    /** The same edition with its own reminder days ({@code null}: the module's setting). */
    public Edition withReminderDays(List<Integer> days) {
        return new Edition(year, this.days, windows, regionalOverrides, days);
    }

    public Optional<EventDay> day(LocalDate date) {
        return days.stream().filter(d -> d.date().equals(date)).findFirst();
    }

    /** The window that applies to an audience in a region (the national one, amended by the region's override). */
    public Optional<SignUpWindow> window(Audience audience, String region) {
        SignUpWindow national = windows.get(audience);
        if (national == null) {
            return Optional.empty();
        }
        return Optional.of(regionalOverrides.stream()
                .filter(o -> o.audience() == audience && Regions.same(o.region(), region))
                .findFirst()
                .map(national::overriddenBy)
                .orElse(national));
    }
}
