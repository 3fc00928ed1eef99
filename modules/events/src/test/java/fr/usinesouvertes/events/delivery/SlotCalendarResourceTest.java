package fr.usinesouvertes.events.delivery;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SlotCalendarResourceTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    private static String published;

    private static String value(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static String draft;

    @BeforeAll
    static void content() {
        EventFixtures fixtures = new EventFixtures(PLATFORM.platform().repository());
        String colas = fixtures.company("colas", "Colas");
        String santes = fixtures.site("colas-santes", colas, "Site de Santes", "Santes", "59", "Hauts-de-France");
        String rennes = fixtures.site("colas-rennes", colas, "Site de Rennes", "Rennes", "35", "Bretagne");
        fixtures.sheet(2026, "colas-santes", santes, "published");
        fixtures.sheet(2026, "colas-rennes", rennes, "submitted");
        published = fixtures.slot(2026, "colas-santes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 10,
                List.of("public"));
        draft = fixtures.slot(2026, "colas-rennes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 10,
                List.of("public"));
    }

    @Test
    void publishedSlotCalendarParsesBack() throws Exception {
        HttpResponse<String> response = PLATFORM.get("/.rest/events/v1/slots/" + published + ".ics");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/calendar")
                .containsIgnoringCase("charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("attachment; filename=\"visite-2026-03-20-");
        Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
        VEvent event = calendar.<VEvent>getComponents("VEVENT").get(0);
        assertThat(value(event, "SUMMARY")).isEqualTo("Visite d'usine : Colas – Site de Santes");
        assertThat(value(event, "LOCATION")).contains("Santes");
        assertThat(value(event, "DESCRIPTION")).contains("Point de rendez-vous : Accueil du site");
        assertThat(value(event, "DTSTART")).isEqualTo("20260320T090000");
        assertThat(event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("Europe/Paris");
    }

    @Test
    void englishCalendarOnRequest() {
        assertThat(PLATFORM.get("/.rest/events/v1/slots/" + published + ".ics?lang=en").body())
                .contains("Factory visit: Colas");
    }

    @Test
    void unpublishedOrUnknownSlotsAreNotFound() {
        assertThat(PLATFORM.get("/.rest/events/v1/slots/" + draft + ".ics").statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/events/v1/slots/00000000-0000-0000-0000-000000000000.ics").statusCode())
                .isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/events/v1/slots/nope.ics").statusCode()).isEqualTo(404);
    }
}
