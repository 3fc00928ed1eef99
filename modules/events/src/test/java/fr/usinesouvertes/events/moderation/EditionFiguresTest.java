package fr.usinesouvertes.events.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The organisers' figures count published sheets only, by region, audience and day, without personal data. */
class EditionFiguresTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    @Test
    void figuresByRegionAudienceAndDay() {
        ContentRepository repository = PLATFORM.platform().repository();
        String friday = sheet(repository, "nord-a", "Hauts-de-France", "published", "2026-03-20T09:30:00+01:00", 20, "school");
        String saturday = sheet(repository, "nord-b", "Hauts-de-France", "full", "2026-03-21T10:00:00+01:00", 10, "public");
        sheet(repository, "ouest-draft", "Bretagne", "submitted", "2026-03-21T10:00:00+01:00", 30, "public");
        SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
        booking.book(new BookingRequest(friday, 12, "k1", node -> node.setProperty("audience", "school")));
        booking.book(new BookingRequest(saturday, 4, "k2", node -> node.setProperty("audience", "public")));
        booking.book(new BookingRequest(saturday, 8, "k3", node -> node.setProperty("audience", "public")));

        EditionFigures.Figures figures = new EditionFigures(repository).of(2026);

        assertThat(figures.sheetsByStatus()).containsEntry("published", 1L).containsEntry("full", 1L).containsEntry("submitted", 1L);
        EditionFigures.Line nord = figures.byRegion().get("Hauts-de-France");
        assertThat(new long[] {nord.sites(), nord.slots(), nord.places(), nord.confirmedPersons(), nord.registrations()})
                .containsExactly(2, 2, 30, 16, 3);
        assertThat(figures.byRegion()).doesNotContainKey("Bretagne");
        assertThat(figures.byAudience().get("public").registrations()).isEqualTo(2);
        assertThat(figures.byAudience().get("public").confirmedPersons()).isEqualTo(4);
        assertThat(figures.byAudience().get("school").confirmedPersons()).isEqualTo(12);
        assertThat(figures.byDay().get(LocalDate.of(2026, 3, 21)).registrations()).isEqualTo(2);
    }

    private static String sheet(ContentRepository repository, String name, String region, String status, String start,
                                long capacity, String audience) {
        return repository.write(session -> {
            Node site = session.getNode("/sites").addNode(name, "mgnl:content");
            site.setProperty("name", name);
            site.setProperty("region", region);
            Node events = session.getNode("/events");
            Node year = events.hasNode("2026") ? events.getNode("2026") : events.addNode("2026", "mgnl:folder");
            Node sheet = year.addNode(name, "mgnl:content");
            sheet.setProperty("site", site.getIdentifier());
            sheet.setProperty("status", status);
            Node slot = sheet.addNode("slots", "mgnl:contentNode").addNode("0", "mgnl:contentNode");
            ZonedDateTime begins = ZonedDateTime.parse(start);
            slot.setProperty("start", GregorianCalendar.from(begins));
            slot.setProperty("end", GregorianCalendar.from(begins.plusHours(2)));
            slot.setProperty("capacity", capacity);
            slot.setProperty("audiences", new String[] {audience});
            return slot.getIdentifier();
        });
    }
}
