package fr.usinesouvertes.events.calendar;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.visit.Visit;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.io.StringReader;
import java.time.ZoneId;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes RFC 5545 calendar files for visits, with ical4j: one event per file, its times local to
 * the site's time zone (the {@code time-zone} setting) with the matching {@code VTIMEZONE}
 * ({@link ZoneDefinition}), {@code METHOD:PUBLISH}, escaped by ical4j and
 * folded at 75 octets by {@link OctetFolding}. A registration's file and a slot's file have different,
 * stable UIDs, so importing a file
 * again updates the event instead of duplicating it.
 */
public final class VisitCalendar {

    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";
    private static final String PRODUCT = "-//Journées Usines Ouvertes//Plateforme//FR";
    private final Clock clock;
    private final ZoneId zone;
    /** Shared by every calendar written: components are only read once built, and copying one rebuilt its rules. */
    /** Parsed on the first calendar written: parsing loads ical4j's model, about half a second of every start. */
    private VTimeZone timeZone;
    private final String uidDomain;
    private final String organizerEmail;

    /**
     * @param zone           the site's time zone, in which calendars state the visits' times
     * @param uidDomain      the site's host name, making UIDs globally unique, e.g. {@code journees-usines-ouvertes.fr}
     * @param organizerEmail the organisers' contact address; RFC 5546 requires an ORGANIZER on a published event
     */
    public VisitCalendar(Clock clock, ZoneId zone, String uidDomain, String organizerEmail) {
        this.clock = clock;
        this.zone = zone;
        this.uidDomain = uidDomain;
        this.organizerEmail = organizerEmail;
    }

    /** The calendar attached to a registration's confirmation: the visit, with the link to view or cancel it. */
    public byte[] forRegistration(Visit visit, String registrationId, int persons, String manageLink, Lang lang) {
        return forRegistration(visit, registrationId, persons, manageLink, lang, 0);
    }

    /**
     * The calendar of a registration as it is after {@code sequence} changes: the same event (same UID) with that
     * SEQUENCE, so calendar applications that imported an earlier file update the event (new time, new head count).
     */
    public byte[] forRegistration(Visit visit, String registrationId, int persons, String manageLink, Lang lang,
                                  int sequence) {
        Messages m = Messages.of(Messages.EVENTS, lang);
        String party = m.format(persons > 1 ? "calendar.persons.many" : "calendar.persons.one", persons);
        String description = visit.company() + " – " + visit.site() + "\n" + party + "\n"
                + visit.practicalInformation() + "\n" + m.format("calendar.manage", manageLink);
        VEvent event = event(visit, "registration-" + registrationId, lang, description.replaceAll("\n+", "\n").strip());
        event.add(new Url(java.net.URI.create(manageLink)));
        int changes = sequence + visit.sequence(); // the registration's changes and its slot's (time, place)
        if (changes > 0) {
            event.add(new Sequence(changes));
        }
        return write(event);
    }

    /**
     * The calendar attached to a cancellation: the same event (same UID) with a higher SEQUENCE and
     * STATUS:CANCELLED, so calendar applications that imported the confirmation mark the visit cancelled.
     */
    public byte[] forCancelledRegistration(Visit visit, String registrationId, Lang lang) {
        return forCancelledRegistration(visit, registrationId, lang, 0);
    }

    /** The cancellation's calendar for a registration changed {@code changes} times: SEQUENCE {@code changes + 1}. */
    public byte[] forCancelledRegistration(Visit visit, String registrationId, Lang lang, int changes) {
        String cancelled = Messages.of(Messages.EVENTS, lang).text("calendar.cancelled");
        VEvent event = event(visit, "registration-" + registrationId, lang,
                cancelled + "\n" + visit.company() + " – " + visit.site());
        event.add(ImmutableStatus.VEVENT_CANCELLED);
        event.add(new Sequence(changes + visit.sequence() + 1));
        return write(event);
    }

    /** The public calendar of a slot, to download from the site's page. */
    public byte[] forSlot(Visit visit, Lang lang) {
        String description = visit.company() + " – " + visit.site()
                + (visit.practicalInformation().isEmpty() ? "" : "\n" + visit.practicalInformation());
        VEvent event = event(visit, "slot-" + visit.slotId(), lang, description);
        if (visit.sequence() > 0) {
            event.add(new Sequence(visit.sequence()));
        }
        return write(event);
    }

    private VEvent event(Visit visit, String uid, Lang lang, String description) {
        ZonedDateTime start = visit.start().withZoneSameInstant(zone);
        ZonedDateTime end = visit.end().withZoneSameInstant(zone);
        VEvent event = new VEvent();
        event.add(new Uid(uid + "@" + uidDomain));
        event.replace(new DtStamp(clock.instant())); // the VEvent constructor stamps the system time
        event.add(new Organizer(java.net.URI.create("mailto:" + organizerEmail)));
        // Setting a date puts a plain TZID parameter on the property: replace it afterwards.
        event.add(new DtStart<>(start).replace(new SiteZoneId(zone)));
        event.add(new DtEnd<>(end).replace(new SiteZoneId(zone)));
        event.add(new Summary(Messages.of(Messages.EVENTS, lang).format("visit.title", visit.company(), visit.site())));
        event.add(new Location(location(visit)));
        event.add(new Description(description));
        return event;
    }

    /**
     * The {@code TZID} parameter of the site's zone (e.g. {@code TZID=Europe/Paris}), resolved without ical4j's
     * time-zone registry: its global lookup copied the JDK's set of some 600 zone names each time a date was written.
     */
    private static final class SiteZoneId extends TzId {

        private static final long serialVersionUID = 1L;
        private final ZoneId zone;

        SiteZoneId(ZoneId zone) {
            super(zone.getId());
            this.zone = zone;
        }

        @Override
        public ZoneId toZoneId() {
            return zone;
        }

        @Override
        public ZoneId toZoneId(TimeZoneRegistry registry) {
            return zone;
        }
    }

    /**
     * Where to go, as calendars show it and map apps look it up: the company and site, then the address line,
     * then the country, e.g. {@code Colas – Site d'Amiens, 12 rue des Forges, 80080 Amiens, France}.
     */
    static String location(Visit visit) {
        java.util.StringJoiner where = new java.util.StringJoiner(", ");
        String place = visit.company().isBlank() || visit.site().startsWith(visit.company()) ? visit.site()
                : visit.company() + " – " + visit.site();
        for (String part : new String[] {place, visit.address(), "France"}) {
            if (part != null && !part.isBlank()) {
                where.add(part.strip());
            }
        }
        return where.toString();
    }

    private synchronized VTimeZone timeZone() {
        if (timeZone == null) {
            timeZone = parseZone(ZoneDefinition.of(zone, clock.instant()));
        }
        return timeZone;
    }

    private static VTimeZone parseZone(String vtimezone) {
        String calendar = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODUCT, vtimezone,
                "END:VCALENDAR", "");
        try {
            return new CalendarBuilder().build(new StringReader(calendar)).<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        } catch (IOException | ParserException e) {
            throw new IllegalStateException("The VTIMEZONE written for the site's time zone does not parse", e);
        }
    }

    private byte[] write(VEvent event) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(timeZone());
        calendar.add(event);
        StringWriter out = new StringWriter();
        try {
            // Not validating: ical4j's validation took a third of the writing time, and what is written never
            // varies in shape (VisitCalendarTest validates every kind of calendar).
            new CalendarOutputter(false, Integer.MAX_VALUE).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return OctetFolding.fold(out.toString()).getBytes(StandardCharsets.UTF_8);
    }
}
