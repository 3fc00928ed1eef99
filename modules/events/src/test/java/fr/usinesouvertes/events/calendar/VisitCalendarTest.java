package fr.usinesouvertes.events.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.visit.Visit;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

class VisitCalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Visit VISIT = new Visit("5d0f4a4e-7d0b-4c1e-a1b3-2f6c3b0a9e11", "Biscuiterie Pasquier, SAS",
            "Usine de Brissac; ligne \"biscottes\"", "1 rue de la Fabrique, 49320 Brissac Loire Aubance",
            ZonedDateTime.of(2026, 3, 21, 9, 30, 0, 0, PARIS), ZonedDateTime.of(2026, 3, 21, 11, 0, 0, 0, PARIS),
            "Rendez-vous à l'accueil des visiteurs, chaussures fermées obligatoires, parking sur place, accès PMR "
                    + "par l'entrée B ; visite déconseillée aux moins de 8 ans. Prévoir une pièce d'identité pour les adultes.");
    private final VisitCalendar calendar = new VisitCalendar(
            Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC), PARIS, "journees-usines-ouvertes.fr",
            "contact@journees-usines-ouvertes.fr");

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    @Test
    void everyCalendarItWritesPassesIcal4jsValidation() throws Exception {
        // Writing skips ical4j's validation (a third of the cost of a confirmation's calendar): this checks it instead.
        for (byte[] ics : new byte[][] {
                calendar.forRegistration(VISIT, "c1d2e3f4-0000-4000-8000-000000000001", 3,
                        "https://journees-usines-ouvertes.fr/inscription?t=abc", Lang.FR),
                calendar.forCancelledRegistration(VISIT, "c1d2e3f4-0000-4000-8000-000000000001", Lang.EN),
                calendar.forSlot(VISIT, Lang.FR)}) {
            assertThat(parse(ics).validate().getEntries()).isEmpty();
        }
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElseThrow();
    }

    @Test
    void aRegistrationsCalendarParsesBackWithParisLocalTimes() throws Exception {
        byte[] ics = calendar.forRegistration(VISIT, "c1d2e3f4-0000-4000-8000-000000000001", 3,
                "https://journees-usines-ouvertes.fr/inscription?t=abc", Lang.FR);

        Calendar parsed = parse(ics);
        VEvent event = parsed.<VEvent>getComponents("VEVENT").get(0);
        assertThat(parsed.getProperty("METHOD").map(Property::getValue)).contains("PUBLISH");
        assertThat(parsed.getProperty("VERSION").map(Property::getValue)).contains("2.0");
        VTimeZone timeZone = parsed.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(timeZone.getProperty("TZID").map(Property::getValue)).contains("Europe/Paris");
        assertThat(value(event, "UID")).isEqualTo("registration-c1d2e3f4-0000-4000-8000-000000000001@journees-usines-ouvertes.fr");
        assertThat(value(event, "DTSTART")).isEqualTo("20260321T093000");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(value(event, "DTEND")).isEqualTo("20260321T110000");
        assertThat(value(event, "SUMMARY")).isEqualTo("Visite d'usine : Biscuiterie Pasquier, SAS – Usine de Brissac; ligne \"biscottes\"");
        assertThat(value(event, "LOCATION")).isEqualTo(VISIT.company() + " – " + VISIT.site() + ", " + VISIT.address()
                + ", France");
        assertThat(value(event, "DESCRIPTION")).contains("3 personnes", "chaussures fermées obligatoires",
                "Voir ou annuler votre inscription : https://journees-usines-ouvertes.fr/inscription?t=abc");
    }

    @Test
    void theTimeZoneCarriesTheTwoRulesInForceAndGivesParisOffsetsInWinterAndSummer() throws Exception {
        byte[] ics = calendar.forSlot(VISIT, Lang.FR);

        VTimeZone timeZone = parse(ics).<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(timeZone.getObservances()).hasSize(2);
        assertThat(ics.length).isLessThan(2_000);
        net.fortuna.ical4j.model.TimeZone zone = new net.fortuna.ical4j.model.TimeZone(timeZone);
        assertThat(zone.getOffset(Instant.parse("2026-03-20T12:00:00Z").toEpochMilli())).isEqualTo(3_600_000);
        assertThat(zone.getOffset(Instant.parse("2026-03-29T12:00:00Z").toEpochMilli())).isEqualTo(7_200_000);
        assertThat(zone.getOffset(Instant.parse("2026-10-25T12:00:00Z").toEpochMilli())).isEqualTo(3_600_000);
    }

    @Test
    void inTheSitesTimeZoneTheSameVisitHasThatZonesLocalTimesWhateverTheServersDefaultZone() throws Exception {
        ZoneId newYork = ZoneId.of("America/New_York");
        java.util.TimeZone original = java.util.TimeZone.getDefault();
        byte[] inTokyo;
        byte[] inParis;
        try {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Tokyo"));
            inTokyo = new VisitCalendar(Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC), newYork,
                    "journees-usines-ouvertes.fr", "contact@journees-usines-ouvertes.fr").forSlot(VISIT, Lang.EN);
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Europe/Paris"));
            inParis = new VisitCalendar(Clock.fixed(Instant.parse("2026-02-10T09:00:00Z"), ZoneOffset.UTC), newYork,
                    "journees-usines-ouvertes.fr", "contact@journees-usines-ouvertes.fr").forSlot(VISIT, Lang.EN);
        } finally {
            java.util.TimeZone.setDefault(original);
        }

        assertThat(inTokyo).isEqualTo(inParis);
        Calendar parsed = parse(inTokyo);
        VEvent event = parsed.<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, "DTSTART")).isEqualTo("20260321T043000"); // 9:30 in Paris (UTC+1), New York on UTC-4
        assertThat(value(event, "DTEND")).isEqualTo("20260321T060000");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/New_York");
        VTimeZone timeZone = parsed.<VTimeZone>getComponents("VTIMEZONE").get(0);
        assertThat(timeZone.getProperty("TZID").map(Property::getValue)).contains("America/New_York");
        assertThat(timeZone.getObservances()).hasSize(2);
        assertThat(new String(inTokyo, StandardCharsets.UTF_8)).doesNotContain("Europe/Paris");
    }

    @Test
    void theTextIsEscapedAndFoldedAtSeventyFiveOctets() {
        String text = new String(calendar.forRegistration(VISIT, "id-1", 1, "https://example.fr/x", Lang.EN), StandardCharsets.UTF_8);

        assertThat(text.replace("\r\n ", "")).contains("SUMMARY:Factory visit: Biscuiterie Pasquier\\, SAS – Usine de Brissac\\; ligne \"biscottes\"");
        assertThat(text).containsOnlyOnce("DTSTAMP:20260210T090000Z").containsOnlyOnce("DTSTAMP");
        assertThat(text).contains("ORGANIZER:mailto:contact@journees-usines-ouvertes.fr");
        assertThat(text).contains("\r\n ");
        assertThat(text).doesNotContain("\n\n");
        assertThat(Arrays.stream(text.split("\r\n")).mapToInt(line -> line.getBytes(StandardCharsets.UTF_8).length).max().orElseThrow())
                .isLessThanOrEqualTo(75);
        assertThat(text).contains("1 person");
    }

    @Test
    void aSlotsCalendarHasAStableUidOfItsOwn() throws Exception {
        VEvent first = parse(calendar.forSlot(VISIT, Lang.FR)).<VEvent>getComponents("VEVENT").get(0);
        VEvent again = parse(calendar.forSlot(VISIT, Lang.EN)).<VEvent>getComponents("VEVENT").get(0);

        assertThat(value(first, "UID")).isEqualTo("slot-5d0f4a4e-7d0b-4c1e-a1b3-2f6c3b0a9e11@journees-usines-ouvertes.fr")
                .isEqualTo(value(again, "UID"));
        assertThat(value(again, "SUMMARY")).startsWith("Factory visit: ");
        assertThat(first.getProperty("URL")).isEmpty();
    }

    @Test
    void aCancellationUpdatesTheRegistrationsEventAsCancelled() throws Exception {
        VEvent confirmed = parse(calendar.forRegistration(VISIT, "id-7", 2, "https://example.fr/x", Lang.FR))
                .<VEvent>getComponents("VEVENT").get(0);
        VEvent cancelled = parse(calendar.forCancelledRegistration(VISIT, "id-7", Lang.FR)).<VEvent>getComponents("VEVENT").get(0);

        assertThat(value(cancelled, "UID")).isEqualTo(value(confirmed, "UID"));
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(cancelled, "SEQUENCE")).isEqualTo("1");
        assertThat(value(cancelled, "DESCRIPTION")).startsWith("Inscription annulée.");
    }
}
