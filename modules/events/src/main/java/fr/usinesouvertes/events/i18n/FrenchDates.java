package fr.usinesouvertes.events.i18n;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Writes dates and times the way French and English visitors read them. An instant is read in the zone given, the
 * site's time zone (the platform's {@code time-zone} setting, which the events module passes to each of its classes
 * that needs it), never in the server's default zone.
 */
public final class FrenchDates {

    private static final DateTimeFormatter FR_MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FR_WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.FRENCH);
    private static final DateTimeFormatter EN_WEEKDAY = DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH);
    private static final DateTimeFormatter EN_TIME = DateTimeFormatter.ofPattern("HH:mm");

    private FrenchDates() {
    }

    /** "1er décembre 2025" (French writes the first day of a month as an ordinal) or "1 December 2025". */
    public static String date(LocalDate date, Lang lang) {
        if (lang == Lang.EN) {
            return EN_DATE.format(date);
        }
        String day = date.getDayOfMonth() == 1 ? "1er" : Integer.toString(date.getDayOfMonth());
        return day + " " + FR_MONTH_YEAR.format(date);
    }

    /** "vendredi 20 mars 2026" or "Friday 20 March 2026". */
    public static String dayWithWeekday(LocalDate date, Lang lang) {
        return (lang == Lang.EN ? EN_WEEKDAY : FR_WEEKDAY).format(date) + " " + date(date, lang);
    }

    /** "vendredi 20 mars 2026, 9 h 30 – 11 h 30" (or "Friday 20 March 2026, 09:30 – 11:30"): a slot, read in {@code zone}. */
    public static String slot(Instant start, Instant end, ZoneId zone, Lang lang) {
        return dayAndTime(start, zone, lang) + " – " + time(end.atZone(zone).toLocalTime(), lang);
    }

    /** "vendredi 20 mars 2026, 9 h 30": an instant's day and time in {@code zone}. */
    public static String dayAndTime(Instant instant, ZoneId zone, Lang lang) {
        ZonedDateTime local = instant.atZone(zone);
        return dayWithWeekday(local.toLocalDate(), lang) + ", " + time(local.toLocalTime(), lang);
    }

    /** "9 h 30" in French typography, "09:30" in English. */
    public static String time(LocalTime time, Lang lang) {
        if (lang == Lang.EN) {
            return EN_TIME.format(time);
        }
        int minute = time.getMinute(); // no String.format: every e-mail and page writes times
        return time.getHour() + (minute < 10 ? " h 0" : " h ") + minute;
    }
}
