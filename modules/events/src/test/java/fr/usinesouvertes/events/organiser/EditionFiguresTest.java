package fr.usinesouvertes.events.organiser;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.BundledEditions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The organisers' figures count published sheets only — sites, slots, places, confirmed, waiting and cancelled
 * persons by region, department, audience and day — without personal data, and the dashboard shows an edition
 * beside the previous one.
 */
class EditionFiguresTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").modules(new EventsModule());

    @BeforeAll
    static void content() {
        ContentRepository repository = PLATFORM.platform().repository();
        BundledEditions.importInto(repository);
        String friday = sheet(repository, 2026, "nord-a", "Hauts-de-France", "59", "published",
                "2026-03-20T09:30:00+01:00", 20, "school", "public");
        String saturday = sheet(repository, 2026, "nord-b", "Hauts-de-France", "62", "full",
                "2026-03-21T10:00:00+01:00", 10, "public");
        sheet(repository, 2026, "ouest-draft", "Bretagne", "29", "submitted", "2026-03-21T10:00:00+01:00", 30, "public");
        String before = sheet(repository, 2025, "nord-2025", "Hauts-de-France", "59", "published",
                "2025-04-04T09:30:00+02:00", 40, "school");
        SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
        booking.book(new BookingRequest(friday, 12, "k1", node -> node.setProperty("audience", "school")));
        booking.book(new BookingRequest(saturday, 4, "k2", node -> node.setProperty("audience", "public")));
        booking.book(new BookingRequest(saturday, 6, "k3", node -> node.setProperty("audience", "public")));
        String waiting = booking.book(new BookingRequest(saturday, 3, "k4",
                node -> node.setProperty("audience", "public"))).registrationId();
        String cancelled = booking.book(new BookingRequest(friday, 2, "k5",
                node -> node.setProperty("audience", "public"))).registrationId();
        booking.cancel(cancelled);
        booking.book(new BookingRequest(before, 30, "k6", node -> node.setProperty("audience", "school")));
        assertThat(waiting).isNotNull();
    }

    @Test
    void figuresByRegionDepartmentAudienceAndDay() {
        EditionFigures.Figures figures = new EditionFigures(PLATFORM.platform().repository(), java.time.ZoneId.of("Europe/Paris")).of(2026);

        assertThat(figures.sheetsByStatus()).containsEntry("published", 1L).containsEntry("full", 1L)
                .containsEntry("submitted", 1L);
        EditionFigures.Line nord = figures.byRegion().get("Hauts-de-France");
        assertThat(List.of(nord.sites(), nord.slots(), nord.places(), nord.confirmedPersons(), nord.waitlistedPersons(),
                nord.cancelledPersons(), nord.registrations())).containsExactly(2L, 2L, 30L, 22L, 3L, 2L, 4L);
        assertThat(figures.byRegion()).doesNotContainKey("Bretagne");
        assertThat(figures.byDepartment().get("62").sites()).isEqualTo(1);
        EditionFigures.Line pub = figures.byAudience().get("public");
        assertThat(List.of(pub.sites(), pub.slots(), pub.places(), pub.confirmedPersons(), pub.waitlistedPersons(),
                pub.cancelledPersons())).containsExactly(2L, 2L, 30L, 10L, 3L, 2L);
        assertThat(figures.byAudience().get("school").sites()).isEqualTo(1);
        assertThat(figures.byAudience().get("school").confirmedPersons()).isEqualTo(12);
        EditionFigures.Line saturday = figures.byDay().get(LocalDate.of(2026, 3, 21));
        assertThat(List.of(saturday.sites(), saturday.registrations())).containsExactly(1L, 3L);
        assertThat(figures.total().sites()).isEqualTo(2);
        assertThat(figures.total().confirmedPersons()).isEqualTo(22);
    }

    @Test
    void theDashboardShowsAnEditionBesideThePreviousOne() {
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation",
                "mot de passe des organisateurs".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser admin = AdminBrowser.on(PLATFORM);
        admin.login("organisation@example.fr", "mot de passe des organisateurs");

        HttpResponse<String> page = admin.get("/admin/chiffres/?edition=2026");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("h2").text()).contains("2026", "comparée à 2025");
        Element total = html.selectFirst("table:has(caption:contains(Ensemble))");
        assertThat(total.select("tr:has(th:contains(Personnes confirmées)) td").eachText()).containsExactly("22", "30");
        assertThat(total.select("tr:has(th:contains(Sites)) td").eachText()).containsExactly("2", "1");
        Element byRegion = html.selectFirst("table:has(caption:contains(Par région))");
        assertThat(byRegion.select("tbody tr").first().select("td").eachText())
                .containsExactly("2", "2", "30", "22", "3", "2", "0", "0", "0", "30"); // nobody checked in yet
        Element byAudience = html.selectFirst("table:has(caption:contains(Par public))");
        assertThat(byAudience.select("tbody th").eachText()).contains("Grand public");
        Element byDay = html.selectFirst("table:has(caption:contains(Par jour))");
        assertThat(byDay.select("tbody th").eachText()).containsExactly("vendredi 20 mars 2026", "samedi 21 mars 2026");
        assertThat(byDay.select("tbody tr").get(0).select("td").first().text()).isEqualTo("1"); // sites that day

        assertThat(admin.get("/admin/chiffres/?edition=deux").statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(admin.get("/admin/chiffres/?edition=2026&lang=en").body()).select("caption").eachText())
                .contains("By region", "By department", "By audience", "By day");
        assertThat(Jsoup.parse(admin.get("/admin/moderation/").body()).select("a[href=/admin/chiffres/]")
                .eachText()).contains("Voir les chiffres de l'édition");
    }

    private static String sheet(ContentRepository repository, int edition, String name, String region, String department,
                                String status, String start, long capacity, String... audiences) {
        return repository.write(session -> {
            Node site = session.getNode("/sites").addNode(name, "mgnl:content");
            site.setProperty("name", name);
            site.setProperty("region", region);
            site.setProperty("department", department);
            Node events = session.getNode("/events");
            String folder = String.valueOf(edition);
            Node year = events.hasNode(folder) ? events.getNode(folder) : events.addNode(folder, "mgnl:folder");
            Node sheet = year.addNode(name, "mgnl:content");
            sheet.setProperty("site", site.getIdentifier());
            sheet.setProperty("status", status);
            Node slot = sheet.addNode("slots", "mgnl:contentNode").addNode("0", "mgnl:contentNode");
            ZonedDateTime begins = ZonedDateTime.parse(start);
            slot.setProperty("start", GregorianCalendar.from(begins));
            slot.setProperty("end", GregorianCalendar.from(begins.plusHours(2)));
            slot.setProperty("capacity", capacity);
            slot.setProperty("audiences", audiences);
            return slot.getIdentifier();
        });
    }
}
