package fr.usinesouvertes.platform.admin.authoring.form;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Optional;

/**
 * Dates between HTML inputs ({@code date}: {@code 2026-03-20}; {@code datetime-local}:
 * {@code 2026-03-20T09:30}) and JCR dates, in the site's time zone (the {@code time-zone} setting): a date
 * typed in a form means that day, there, whatever the server's default time zone.
 */
public final class FormDates {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private FormDates() {
    }

    /** The input value of a stored date. */
    public static String format(Calendar calendar, boolean time, ZoneId zone) {
        ZonedDateTime at = calendar.toInstant().atZone(zone);
        return time ? at.format(DATE_TIME) : at.toLocalDate().toString();
    }

    /** The date of an input value, empty when it is not a date; a date without time is midnight in {@code zone}. */
    public static Optional<Calendar> parse(String text, boolean time, ZoneId zone) {
        try {
            ZonedDateTime at;
            if (text.contains("T")) {
                at = LocalDateTime.parse(text).atZone(zone);
            } else if (!time) {
                at = LocalDate.parse(text).atStartOfDay(zone);
            } else {
                return Optional.empty();
            }
            return Optional.of(GregorianCalendar.from(at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
