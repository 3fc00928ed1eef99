package fr.usinesouvertes.events.organiser;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.BundledEditions;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Organisers download an edition's registrations and recruitment needs from the running platform: the
 * back office's Exports page and {@code /.rest/organiser/v1/exports/*.csv}, administrators only.
 */
class OrganiserExportsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().setting("clock", "2026-02-10T10:00:00+01:00").modules(new EventsModule());

    private static final String ADMIN_PASSWORD = "mot de passe des organisateurs";
    private static AdminBrowser admin;

    @BeforeAll
    static void content() {
        ContentRepository repository = PLATFORM.platform().repository();
        BundledEditions.importInto(repository);
        EventFixtures fixtures = new EventFixtures(repository);
        String colas = fixtures.company("colas", "Colas");
        String santes = fixtures.site("colas-santes", colas, "Site de Santes", "Santes", "59", "Hauts-de-France");
        String evry = fixtures.site("upsa-evry", colas, "Site d'Évry", "Évry", "91", "Île-de-France");
        fixtures.sheet(2026, "colas-santes", santes, "published");
        fixtures.sheet(2026, "upsa-evry", evry, "published");
        String santesSlot = fixtures.slot(2026, "colas-santes", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 30,
                List.of("school"));
        String evrySlot = fixtures.slot(2026, "upsa-evry", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 30,
                List.of("public"));
        fixtures.recruitmentNeed(2026, "upsa-evry", "Technicien de maintenance", 3, "CDI");
        fixtures.recruitmentNeed(2026, "colas-santes", "Conducteur d'engins", 2, "Alternance");
        SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
        booking.book(registration(santesSlot, 25, "prof@example.org", "M. Durand", "school"));
        booking.book(registration(evrySlot, 2, "paul@example.org", "Paul Martin", "public"));
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", ADMIN_PASSWORD.toCharArray(),
                Set.of(Role.ADMIN), null);
        admin = AdminBrowser.on(PLATFORM);
        assertThat(admin.login("organisation@example.fr", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
    }

    private static BookingRequest registration(String slot, int persons, String email, String name, String audience) {
        return new BookingRequest(slot, persons, email, node -> {
            node.setProperty("email", email);
            node.setProperty("name", name);
            node.setProperty("audience", audience);
        });
    }

    @Test
    void anAdministratorDownloadsAnEditionsRegistrationsWhileThePlatformRuns() {
        HttpResponse<String> all = admin.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.headers().firstValue("Content-Disposition")).hasValue("attachment; filename=\"inscriptions-2026.csv\"");
        assertThat(all.body()).contains("Entreprise;Site", "Paul Martin", "M. Durand", "Site d'Évry");

        HttpResponse<String> region = admin.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026&region="
                + "Hauts-de-France");
        assertThat(region.body()).contains("M. Durand").doesNotContain("Paul Martin");
        assertThat(region.headers().firstValue("Content-Disposition").orElseThrow()).contains("inscriptions-2026-hauts-de-france.csv");
        HttpResponse<String> site = admin.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026&site=upsa-evry");
        assertThat(site.body()).contains("Paul Martin").doesNotContain("M. Durand");
    }

    @Test
    void anAdministratorDownloadsRecruitmentNeeds() {
        HttpResponse<String> needs = admin.get("/.rest/organiser/v1/exports/recruitment-needs.csv?edition=2026");
        assertThat(needs.statusCode()).isEqualTo(200);
        assertThat(needs.body()).contains("Technicien de maintenance;3;CDI", "Conducteur d'engins;2;Alternance");
        assertThat(admin.get("/.rest/organiser/v1/exports/recruitment-needs.csv?edition=2026&region=%C3%8Ele-de-France")
                .body()).contains("Technicien").doesNotContain("Conducteur");
    }

    @Test
    void othersAreRefusedAndBadParametersAreNamed() {
        assertThat(PLATFORM.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026").statusCode()).isEqualTo(401);
        PLATFORM.platform().accounts().create("redaction@example.fr", "Rédaction", "mot de passe de la rédaction".toCharArray(),
                Set.of(Role.EDITOR, Role.PUBLISHER), null);
        AdminBrowser editor = AdminBrowser.on(PLATFORM);
        editor.login("redaction@example.fr", "mot de passe de la rédaction");
        assertThat(editor.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026").statusCode()).isEqualTo(403);
        assertThat(editor.get("/admin/exports/").statusCode()).isEqualTo(403);

        HttpResponse<String> noEdition = admin.get("/.rest/organiser/v1/exports/registrations.csv");
        assertThat(noEdition.statusCode()).isEqualTo(400);
        assertThat(noEdition.body()).contains("\"code\":\"invalidEdition\"", "edition:");
        assertThat(admin.get("/.rest/organiser/v1/exports/registrations.csv?edition=deux").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = admin.get("/.rest/organiser/v1/exports/recruitment-needs.csv?edition=1999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("there is no edition 1999");
        assertThat(admin.get("/.rest/organiser/v1/exports/registrations.csv?edition=2026&site=nulle-part").statusCode())
                .isEqualTo(404);
    }

    @Test
    void theExportsPageOffersBothFilesPerEditionAndRegion() {
        HttpResponse<String> page = admin.get("/admin/exports/");
        assertThat(page.statusCode()).isEqualTo(200);
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("form[action=/.rest/organiser/v1/exports/registrations.csv]")).hasSize(1);
        assertThat(html.select("form[action=/.rest/organiser/v1/exports/recruitment-needs.csv]")).hasSize(1);
        assertThat(html.select("#registrations-edition option").eachAttr("value")).contains("2026", "2025");
        assertThat(html.select("#registrations-region option").eachText()).contains("Toutes les régions",
                "Hauts-de-France", "La Réunion");
        assertThat(html.select("label[for=registrations-site]").text()).startsWith("Site");
        assertThat(Jsoup.parse(admin.get("/admin/exports/?lang=en").body()).select("h2").eachText())
                .contains("Registrations", "Recruitment needs");
    }
}
