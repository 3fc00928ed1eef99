package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingOutcome;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.export.RegistrationCsvExport;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.moderation.ModerationQueue;
import fr.usinesouvertes.events.registration.SlotDirectory;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Company A cannot open company B's site, event sheet, registrations or exports — in the repository
 * (Oak's ACLs on A's own session), through the company app (404), and the public APIs never show
 * registrations or unapproved sheets.
 */
class CompanyAccessTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().setting("clock", "2025-10-01T10:00:00+02:00").modules(new EventsModule());

    static final String PASSWORD = CompanyAccessTestSupport.PASSWORD;
    static Account alpha;
    static Account beta;
    static String alphaSite;
    static String betaSite;
    static String betaSlot;
    static String betaRegistration;

    static ContentRepository repository() {
        return PLATFORM.platform().repository();
    }

    @BeforeAll
    static void twoCompanies() {
        alpha = company("Alpha Forge", "alpha@forge.example.fr");
        beta = company("Beta Verre", "beta@verre.example.fr");
        CompanySites sites = new CompanySites(repository(), CompanyGrants.PLATFORM);
        EventSheets sheets = new EventSheets(repository(), CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        alphaSite = sites.create(session(alpha), CompanyFixtures.site("Forge d'Alpha", "Lille", "Hauts-de-France"));
        betaSite = sites.create(session(beta), CompanyFixtures.site("Verrerie Beta", "Albi", "Occitanie"));
        SheetForm form = SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), EventSheetsTest.PARIS, Lang.FR).form();
        sheets.save(session(alpha), alphaSite, form);
        sheets.save(session(beta), betaSite, form);
        sheets.submit(session(beta), betaSite, Lang.FR);
        new ModerationQueue(repository(), CompanyGrants.PLATFORM, mail -> { }, PublicUrl.of("https://journees.example.fr"), EventSheetsTest.OCTOBER, EventSheetsTest.PARIS)
                .approve(2026, betaSite);
        betaSlot = sheets.find(session(beta), 2026, betaSite).orElseThrow().slots().get(1).id();
        BookingOutcome outcome = new SlotBooking(repository(), Clock.systemUTC()).book(new BookingRequest(betaSlot, 3, "key-1",
                node -> {
                    node.setProperty("audience", "public");
                    node.setProperty("name", "Jeanne Visiteuse");
                    node.setProperty("email", "jeanne.visiteuse@example.org");
                }));
        betaRegistration = outcome.registrationId();
    }

    static Account company(String name, String login) {
        return CompanyAccessTestSupport.company(PLATFORM, name, login);
    }

    static String stored(String path, String property) {
        return repository().read(session -> session.getNode(path).getProperty(property).getString());
    }

    static CompanySession session(Account account) {
        return new AccountCompanySession(repository(), account);
    }

    static CompanyRegistrations registrations() {
        return new CompanyRegistrations(new SlotDirectory(repository(), 120, EventSheetsTest.PARIS),
                new RegistrationCsvExport(repository(), EventSheetsTest.PARIS), EventSheetsTest.PARIS);
    }

    @Test
    void theRepositoryHidesAnotherCompanysNodesFromACompanysSession() {
        boolean[] seen = repository().readAs(alpha.login(), session -> new boolean[] {
                session.nodeExists("/sites/" + betaSite), session.nodeExists("/events/2026/" + betaSite),
                session.nodeExists("/registrations/" + betaSlot), session.nodeExists("/companies/" + beta.company()),
                session.nodeExists("/sites/" + alphaSite), session.nodeExists("/events/2026/" + alphaSite)});
        assertThat(seen).containsExactly(false, false, false, false, true, true);
        assertThatThrownBy(() -> repository().writeAs(alpha.login(), session -> {
            session.getNode("/sites/" + betaSite).setProperty("name", "Piraté");
            return null;
        })).isInstanceOf(fr.usinesouvertes.platform.repository.RepositoryException.class);
        assertThat(stored("/sites/" + betaSite, "name")).isEqualTo("Verrerie Beta");
    }

    @Test
    void theServicesAnswerNotFoundForAnotherCompanysSiteSheetRegistrationsAndExport() {
        CompanySites sites = new CompanySites(repository(), CompanyGrants.PLATFORM);
        EventSheets sheets = new EventSheets(repository(), CompanyGrants.PLATFORM, EventSheetsTest.OCTOBER, EventSheetsTest.PARIS);
        assertThat(sites.list(session(alpha))).extracting(SiteSummary::slug).containsExactly(alphaSite);
        assertThatThrownBy(() -> sites.find(session(alpha), betaSite)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sheets.find(session(alpha), 2026, betaSite)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations().list(session(alpha), betaSlot)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> registrations().exportCsv(session(alpha), List.of(betaSlot), new ByteArrayOutputStream()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> sheets.requireOwn(session(alpha), betaSite)).isInstanceOf(NotFoundException.class);

        assertThat(registrations().list(session(beta), betaSlot)).extracting(RegistrationRow::email)
                .containsExactly("jeanne.visiteuse@example.org");
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        registrations().exportCsv(session(beta), List.of(betaSlot), csv);
        assertThat(csv.toString(StandardCharsets.UTF_8)).contains("Jeanne Visiteuse", "jeanne.visiteuse@example.org")
                .doesNotContain("rep:policy");
    }

    @Test
    void theCompanyAppAnswers404ForAnotherCompanysPagesAndExports() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        assertThat(browser.login(alpha.login(), PASSWORD).statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/entreprise/").body()).contains("Forge d&#39;Alpha").doesNotContain("Verrerie Beta");
        for (String path : List.of("/admin/entreprise/sites/" + betaSite, "/admin/entreprise/sites/" + betaSite + "/fiche",
                "/admin/entreprise/sites/" + betaSite + "/inscriptions", "/admin/entreprise/sites/" + betaSite + "/inscriptions.csv",
                "/admin/entreprise/creneaux/" + betaSlot + "/inscriptions.csv", "/admin/entreprise/sites/" + betaSite + "/recrutement")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("jeanne.visiteuse@example.org", "Verrerie Beta");
        }
        HttpResponse<String> edit = browser.post("/admin/entreprise/sites/" + betaSite,
                CompanyFixtures.siteValues("Piraté", "Albi", "Occitanie"));
        assertThat(edit.statusCode()).isEqualTo(404);
        assertThat(browser.post("/admin/entreprise/sites/" + betaSite + "/fiche/annuler", Map.of()).statusCode()).isEqualTo(404);
        assertThat(stored("/sites/" + betaSite, "name")).isEqualTo("Verrerie Beta");
        assertThat(stored("/events/2026/" + betaSite, "status")).isEqualTo("published");
        assertThat(browser.get("/admin/moderation/").statusCode()).isEqualTo(403);

        AdminBrowser owner = AdminBrowser.on(PLATFORM);
        owner.login(beta.login(), PASSWORD);
        assertThat(owner.get("/admin/entreprise/sites/" + betaSite + "/inscriptions").body()).contains("jeanne.visiteuse@example.org");
        HttpResponse<String> csv = owner.get("/admin/entreprise/creneaux/" + betaSlot + "/inscriptions.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body()).contains("jeanne.visiteuse@example.org");
        assertThat(AdminBrowser.on(PLATFORM).get("/admin/entreprise/sites/" + betaSite).statusCode()).isEqualTo(303);
    }

    @Test
    void theCompanyRestApiAnswers404ForAnotherCompanysNodesAnd401WithoutSession() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.login(alpha.login(), PASSWORD);
        HttpResponse<String> own = browser.get("/.rest/companies/v1/sites");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.body()).contains(alphaSite).doesNotContain(betaSite);
        assertThat(browser.get("/.rest/companies/v1/sites/" + alphaSite).body()).contains("\"status\":\"draft\"");
        for (String path : List.of("/.rest/companies/v1/sites/" + betaSite, "/.rest/companies/v1/slots/" + betaSlot + "/registrations")) {
            HttpResponse<String> response = browser.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).contains("\"code\":\"notFound\"").doesNotContain("jeanne");
        }
        assertThat(PLATFORM.get("/.rest/companies/v1/slots/" + betaSlot + "/registrations").statusCode()).isEqualTo(401);

        AdminBrowser owner = AdminBrowser.on(PLATFORM);
        owner.login(beta.login(), PASSWORD);
        assertThat(owner.get("/.rest/companies/v1/slots/" + betaSlot + "/registrations").body())
                .contains("jeanne.visiteuse@example.org");
    }

    @Test
    void thePublicApisShowOnlyApprovedSheetsAndNeverRegistrations() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.login(alpha.login(), PASSWORD);
        for (HttpResponse<String> response : List.of(PLATFORM.get("/.rest/delivery/events/v1?limit=100"),
                browser.get("/.rest/delivery/events/v1?limit=100"))) {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains(betaSite).doesNotContain(alphaSite)
                    .doesNotContain("jeanne.visiteuse@example.org", "Jeanne Visiteuse", "rep:policy");
        }
        assertThat(PLATFORM.get("/.rest/delivery/events/v1/2026/" + alphaSite).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.get("/.rest/delivery/events/v1/2026/" + betaSite).body()).contains("\"placesLeft\":17")
                .doesNotContain("jeanne");
        HttpResponse<String> byId = PLATFORM.get("/.rest/registrations/v1/" + betaRegistration);
        assertThat(byId.statusCode()).isBetween(400, 404);
        assertThat(byId.body()).doesNotContain("jeanne");
        assertThat(PLATFORM.get("/.rest/search/v1?q=Forge").body()).doesNotContain(alphaSite);
    }
}
