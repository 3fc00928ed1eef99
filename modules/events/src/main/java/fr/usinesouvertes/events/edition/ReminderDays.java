package fr.usinesouvertes.events.edition;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Days before a visit its confirmed registrants get a reminder, as written in the {@code reminder-days} setting and
 * in an edition's {@code reminderDays} property: {@code "7,1"} (each 1 to 60, at most 5, distinct), or {@code "none"}.
 */
public final class ReminderDays {

    /** At most this many reminders before a visit. */
    public static final int MAX_REMINDERS = 5;
    /** The earliest reminder, in days before the visit. */
    public static final int MAX_DAYS = 60;

    private ReminderDays() {
    }

    /**
     * {@code "7,1"} → [7, 1], largest first; {@code "none"} or blank → none.
     *
     * @throws IllegalArgumentException saying what is wrong
     */
    public static List<Integer> parse(String value) {
        String text = value.strip();
        if (text.equalsIgnoreCase("none") || text.isEmpty()) {
            return List.of();
        }
        TreeSet<Integer> days = new TreeSet<>(Comparator.reverseOrder());
        for (String part : text.split(",")) {
            int day;
            try {
                day = Integer.parseInt(part.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + part.strip() + "' is not a number of days (e.g. 7,1, or none)");
            }
            if (day < 1 || day > MAX_DAYS) {
                throw new IllegalArgumentException(day + " days: each must be from 1 to " + MAX_DAYS);
            }
            if (!days.add(day)) {
                throw new IllegalArgumentException(day + " days is given twice");
            }
        }
        if (days.size() > MAX_REMINDERS) {
            throw new IllegalArgumentException("at most " + MAX_REMINDERS + " reminders");
        }
        return List.copyOf(days);
    }

    /** [7, 1] → {@code "7,1"}; none → {@code "none"}. */
    public static String format(List<Integer> days) {
        return days.isEmpty() ? "none" : String.join(",", days.stream().map(String::valueOf).toList());
    }
}
