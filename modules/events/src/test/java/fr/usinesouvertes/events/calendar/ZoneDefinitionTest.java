package fr.usinesouvertes.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/**
 * The VTIMEZONE written for a zone gives, read as RFC 5545 says (each observance starts at its DTSTART and at the
 * dates its RRULE, expanded by ical4j, or its RDATEs give, local time before the change), the offset the JDK gives at
 * every instant visits can have: checked for every zone the JDK knows, just before and at each of its changes in the
 * next five years, and every ten days between.
 */
class ZoneDefinitionTest {

    private static final Instant NOW = Instant.parse("2026-02-10T09:00:00Z");
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

    private static VTimeZone parse(String vtimezone) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(String.join("\r\n", "BEGIN:VCALENDAR",
                "VERSION:2.0", "PRODID:-//test//FR", vtimezone, "END:VCALENDAR", "")));
        assertThat(calendar.validate().getEntries()).isEmpty();
        return calendar.<VTimeZone>getComponents("VTIMEZONE").get(0);
    }

    /** Every onset of the zone's observances up to {@code until}, with the offset it brings. */
    private static TreeMap<Instant, ZoneOffset> onsets(VTimeZone zone, Instant until) {
        TreeMap<Instant, ZoneOffset> onsets = new TreeMap<>();
        LocalDateTime end = LocalDateTime.ofInstant(until, ZoneOffset.UTC).plusDays(2);
        for (Observance observance : zone.getObservances()) {
            ZoneOffset from = ZoneOffset.of(value(observance, "TZOFFSETFROM"));
            ZoneOffset to = ZoneOffset.of(value(observance, "TZOFFSETTO"));
            LocalDateTime start = LocalDateTime.parse(value(observance, "DTSTART"), LOCAL);
            List<LocalDateTime> starts = new ArrayList<>(List.of(start));
            observance.getProperty("RRULE").ifPresent(rule ->
                    starts.addAll(new Recur<LocalDateTime>(rule.getValue()).getDates(start, start, end)));
            observance.getProperty("RDATE").ifPresent(dates -> {
                for (String date : dates.getValue().split(",")) {
                    starts.add(LocalDateTime.parse(date, LOCAL));
                }
            });
            starts.forEach(local -> onsets.put(local.toInstant(from), to));
        }
        return onsets;
    }

    private static String value(Observance observance, String name) {
        return observance.getProperty(name).map(Property::getValue).orElseThrow();
    }

    @Test
    void parisIsItsTwoRulesInForce() {
        assertThat(ZoneDefinition.of(ZoneId.of("Europe/Paris"), NOW)).isEqualTo(String.join("\r\n",
                "BEGIN:VTIMEZONE", "TZID:Europe/Paris",
                "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19980329T020000",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
                "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19981025T030000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
                "END:VTIMEZONE"));
    }

    @Test
    void newYorkAndNoumeaAreTheirRulesOrTheirOneOffset() {
        assertThat(ZoneDefinition.of(ZoneId.of("America/New_York"), NOW)).contains(
                "TZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU",
                "TZOFFSETFROM:-0400\r\nTZOFFSETTO:-0500", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
        assertThat(ZoneDefinition.of(ZoneId.of("Pacific/Noumea"), NOW)).containsOnlyOnce("BEGIN:STANDARD")
                .contains("TZOFFSETTO:+1100").doesNotContain("DAYLIGHT", "RRULE");
        assertThat(ZoneDefinition.of(ZoneId.of("UTC"), NOW)).contains("TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000");
    }

    @Test
    void everyZoneReadsBackWithTheJdksOffsets() throws Exception {
        Map<String, String> wrong = new TreeMap<>();
        Instant until = NOW.plus(5 * 366, ChronoUnit.DAYS);
        for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
            if (id.startsWith("ical4j~")) {
                continue; // not the JDK's: the zones of calendars ical4j parsed, which it registers with java.time
            }
            ZoneRules rules = ZoneId.of(id).getRules();
            String vtimezone = ZoneDefinition.of(ZoneId.of(id), NOW);
            assertThat(vtimezone.length()).as(id).isLessThan(4_000);
            TreeMap<Instant, ZoneOffset> onsets = onsets(parse(vtimezone), until);
            List<Instant> checked = new ArrayList<>();
            for (Instant at = NOW; at.isBefore(until); at = at.plus(10, ChronoUnit.DAYS)) {
                checked.add(at);
            }
            for (ZoneOffsetTransition change = rules.nextTransition(NOW); change != null
                    && change.getInstant().isBefore(until); change = rules.nextTransition(change.getInstant())) {
                checked.add(change.getInstant().minusSeconds(1));
                checked.add(change.getInstant());
            }
            for (Instant at : checked) {
                Map.Entry<Instant, ZoneOffset> inForce = onsets.floorEntry(at);
                if (inForce == null || !inForce.getValue().equals(rules.getOffset(at))) {
                    wrong.put(id, "at " + at + ": " + (inForce == null ? "none" : inForce.getValue()) + " instead of "
                            + rules.getOffset(at) + "\n" + vtimezone);
                    break;
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
