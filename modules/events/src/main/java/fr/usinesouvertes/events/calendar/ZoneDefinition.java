package fr.usinesouvertes.events.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneOffsetTransitionRule;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Writes the {@code VTIMEZONE} that RFC 5545 requires next to a {@code TZID}, for any zone, from the JDK's own
 * rules (the ones that turned the slots' instants into the local times the calendar states), reduced to what
 * visits need: the recurring rules in force as {@code RRULE}s (Europe/Paris: last Sunday of March and of October),
 * and the one-off changes of a window around now. ical4j's bundled definitions carry each zone's whole history since
 * the nineteenth century, which made every calendar about twenty times larger and its writing the costliest step
 * of a confirmation e-mail.
 *
 * <p>Zones whose changes follow no rule (Africa/Casablanca's around Ramadan are listed one by one until 2087) keep
 * those of the window only: visits are weeks or months ahead, never a decade.
 */
final class ZoneDefinition {

    /** One-off changes kept before now, e.g. the last one before a zone's current rules began. */
    private static final long PAST_DAYS = 366;
    /** One-off changes kept after now. */
    private static final long FUTURE_YEARS = 10;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("zzz", Locale.ENGLISH);
    private static final List<String> WEEKDAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");

    private ZoneDefinition() {
    }

    /** The {@code BEGIN:VTIMEZONE … END:VTIMEZONE} lines of {@code zone}, for calendars written around {@code now}. */
    static String of(ZoneId zone, Instant now) {
        ZoneRules rules = zone.getRules();
        Instant from = now.minus(PAST_DAYS, ChronoUnit.DAYS);
        Instant until = now.atZone(ZoneOffset.UTC).plusYears(FUTURE_YEARS).toInstant();
        List<ZoneOffsetTransition> explicit = rules.getTransitions();
        List<ZoneOffsetTransitionRule> recurring = rules.getTransitionRules();
        // java.time applies the rules to the years after its last listed change
        int firstRuleYear = explicit.isEmpty() ? 1970 : explicit.get(explicit.size() - 1).getDateTimeAfter().getYear() + 1;

        List<ZoneOffsetTransition> oneOff = new ArrayList<>();
        ZoneOffsetTransition inForceAtFrom = null;
        for (ZoneOffsetTransition transition : explicit) {
            if (transition.getInstant().isBefore(from)) {
                inForceAtFrom = transition;
            } else if (transition.getInstant().isBefore(until)) {
                oneOff.add(transition);
            }
        }
        boolean rulesInForceAtFrom = !recurring.isEmpty() && recurring.stream()
                .allMatch(rule -> rule.createTransition(firstRuleYear).getInstant().isBefore(from));
        if (inForceAtFrom != null && !rulesInForceAtFrom) {
            oneOff.add(0, inForceAtFrom);
        }

        StringJoiner text = new StringJoiner("\r\n");
        text.add("BEGIN:VTIMEZONE").add("TZID:" + zone.getId());
        if (oneOff.isEmpty() && recurring.isEmpty()) { // a fixed offset
            ZoneOffset offset = rules.getOffset(now);
            text.add("END:" + open(text, false, offset, offset, LocalDateTime.of(1970, 1, 1, 0, 0), zone, now));
        }
        for (ZoneOffsetTransition change : oneOff) {
            text.add("END:" + open(text, rules.isDaylightSavings(change.getInstant()), change.getOffsetBefore(),
                    change.getOffsetAfter(), change.getDateTimeBefore(), zone, change.getInstant()));
        }
        for (ZoneOffsetTransitionRule rule : recurring) {
            ZoneOffsetTransition first = rule.createTransition(firstRuleYear);
            String kind = open(text, !rule.getOffsetAfter().equals(rule.getStandardOffset()), rule.getOffsetBefore(),
                    rule.getOffsetAfter(), first.getDateTimeBefore(), zone, first.getInstant());
            text.add(recurrence(rule, firstRuleYear, until.atZone(ZoneOffset.UTC).getYear())).add("END:" + kind);
        }
        return text.add("END:VTIMEZONE").toString();
    }

    /** Opens a STANDARD or DAYLIGHT observance starting at {@code start} (local time before it); answers which. */
    private static String open(StringJoiner text, boolean daylight, ZoneOffset from, ZoneOffset to, LocalDateTime start,
                               ZoneId zone, Instant at) {
        String kind = daylight ? "DAYLIGHT" : "STANDARD";
        text.add("BEGIN:" + kind).add("TZOFFSETFROM:" + offset(from)).add("TZOFFSETTO:" + offset(to))
                .add("TZNAME:" + NAME.format(at.atZone(zone))).add("DTSTART:" + LOCAL.format(start));
        return kind;
    }

    /**
     * The rule as an RRULE in local time, e.g. {@code RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU}; a rule whose local day
     * cannot be written so (it would leave its month) is listed as RDATEs up to {@code lastYear}.
     */
    static String recurrence(ZoneOffsetTransitionRule rule, int firstYear, int lastYear) {
        LocalDate local = rule.createTransition(firstYear).getDateTimeBefore().toLocalDate();
        // a time of day given in UTC or standard time (Europe: 01:00 UTC) may fall on another local day
        int shift = (int) ChronoUnit.DAYS.between(ruleDay(rule, firstYear), local);
        int dom = rule.getDayOfMonthIndicator();
        DayOfWeek weekday = rule.getDayOfWeek();
        Month month = rule.getMonth();
        List<Integer> days = new ArrayList<>(); // the days of the month the change may fall on, from the month's end if < 0
        for (int i = 0; i < (weekday == null ? 1 : 7); i++) {
            days.add((dom > 0 ? dom + i : dom - i) + shift); // "on or after" counts up, "on or before" down
        }
        int shortest = month.minLength();
        if (local.getMonth() != month
                || !days.stream().allMatch(d -> dom > 0 ? d >= 1 && d <= shortest : d <= -1 && d >= -shortest)) {
            StringJoiner dates = new StringJoiner(",", "RDATE:", "");
            for (int year = firstYear + 1; year <= lastYear; year++) {
                dates.add(LOCAL.format(rule.createTransition(year).getDateTimeBefore()));
            }
            return dates.toString();
        }
        String rrule = "RRULE:FREQ=YEARLY;BYMONTH=" + month.getValue();
        if (weekday == null) {
            return rrule + ";BYMONTHDAY=" + days.get(0);
        }
        String byDay = WEEKDAYS.get(weekday.plus(shift).ordinal());
        if (dom > 0 && (days.get(0) - 1) % 7 == 0) {
            return rrule + ";BYDAY=" + ((days.get(0) - 1) / 7 + 1) + byDay; // Sun>=8: the second Sunday
        }
        // counted from the month's end (java.time writes October's "lastSun" as "Sun>=25", of a month of fixed length)
        int last = days.stream().mapToInt(d -> d > 0 && shortest == month.maxLength() ? d - shortest - 1 : d).max()
                .orElseThrow();
        if (last < 0 && (-last - 1) % 7 == 0) {
            return rrule + ";BYDAY=-" + ((-last - 1) / 7 + 1) + byDay; // the last Sunday
        }
        StringJoiner monthDays = new StringJoiner(",");
        days.stream().sorted().forEach(d -> monthDays.add(Integer.toString(d)));
        return rrule + ";BYDAY=" + byDay + ";BYMONTHDAY=" + monthDays; // Fri>=23: the Friday of the 23rd to the 29th
    }

    /** The day the rule names in {@code year}, before its time of day is read in UTC, standard or wall time. */
    private static LocalDate ruleDay(ZoneOffsetTransitionRule rule, int year) {
        int dom = rule.getDayOfMonthIndicator();
        LocalDate day;
        if (dom < 0) {
            LocalDate monthEnd = LocalDate.of(year, rule.getMonth(), 1).with(TemporalAdjusters.lastDayOfMonth());
            day = monthEnd.plusDays(dom + 1);
            if (rule.getDayOfWeek() != null) {
                day = day.with(TemporalAdjusters.previousOrSame(rule.getDayOfWeek()));
            }
        } else {
            day = LocalDate.of(year, rule.getMonth(), dom);
            if (rule.getDayOfWeek() != null) {
                day = day.with(TemporalAdjusters.nextOrSame(rule.getDayOfWeek()));
            }
        }
        return day;
    }

    /** {@code +0100}, {@code -0430}, or with seconds when the offset has some. */
    private static String offset(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        int abs = Math.abs(total);
        String text = (total < 0 ? "-" : "+") + String.format(Locale.ROOT, "%02d%02d", abs / 3600, abs / 60 % 60);
        return abs % 60 == 0 ? text : text + String.format(Locale.ROOT, "%02d", abs % 60);
    }
}
