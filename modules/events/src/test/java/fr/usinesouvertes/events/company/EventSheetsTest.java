package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.edition.Edition;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.moderation.ModerationQueue;
import fr.usinesouvertes.events.registration.FieldError;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sites and event sheets through their status flow, on the real repository and the bundled 2026 edition. */
class EventSheetsTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Clock OCTOBER = Clock.fixed(Instant.parse("2025-10-01T08:00:00Z"), ZoneId.of("Europe/Paris"));
    static final Clock MARCH_10 = Clock.fixed(Instant.parse("2026-03-10T08:00:00Z"), ZoneId.of("Europe/Paris"));
    static final CompanyGrants NO_ACL = (session, company, path) -> { };

    private final List<OutgoingMail> mails = new CopyOnWriteArrayList<>();

    private ContentRepository repository() {
        return PLATFORM.platform().repository();
    }

    @Test
    void aSubmittedSheetIsPublicOnlyOnceApprovedAndTheCompanyIsTold() {
        String company = CompanyFixtures.company(repository(), "Fonderie Nord", "contact@fonderie-nord.example.fr", "Hauts-de-France");
        CompanySession session = new SystemCompanySession(repository(), company);
        CompanySites sites = new CompanySites(repository(), NO_ACL);
        String slug = sites.create(session, CompanyFixtures.site("Fonderie de Santes", "Santes", "Hauts-de-France"));
        EventSheets sheets = new EventSheets(repository(), NO_ACL, OCTOBER, PARIS);
        SheetForm.Result form = SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), PARIS, Lang.FR);
        assertThat(form.errors()).isEmpty();

        sheets.save(session, slug, form.form());
        sheets.submit(session, slug, Lang.FR);
        assertThat(PLATFORM.get("/.rest/delivery/events/v1?site=" + slug).body()).contains("\"total\":0");
        ModerationQueue queue = new ModerationQueue(repository(), NO_ACL, mails::add, PublicUrl.of("https://journees.example.fr"), OCTOBER, PARIS);
        assertThat(queue.submitted()).extracting(item -> item.sheet().siteSlug()).contains(slug);
        queue.approve(2026, slug);

        assertThat(sheets.find(session, 2026, slug).orElseThrow().status()).isEqualTo("published");
        String delivered = PLATFORM.get("/.rest/delivery/events/v1?site=" + slug).body();
        assertThat(delivered).contains("\"total\":1", "Poste de garde", "\"capacity\":25", "\"capacity\":20");
        assertThat(mails).extracting(OutgoingMail::to).containsExactly("contact@fonderie-nord.example.fr");
        assertThat(mails.get(0).subject()).contains("publiée");
        String slot = sheets.find(session, 2026, slug).orElseThrow().slots().get(0).id();
        boolean folder = repository().read(s -> s.nodeExists("/registrations/" + slot));
        assertThat(folder).isTrue();
    }

    /** A company's site whose sheet, filled from the fixtures' values, waits for moderation. */
    private record Submitted(CompanySession session, EventSheets sheets, String slug) {
    }

    private Submitted submitted(String companyName, String email, String region, String siteName, String commune) {
        String company = CompanyFixtures.company(repository(), companyName, email, region);
        CompanySession session = new SystemCompanySession(repository(), company);
        String slug = new CompanySites(repository(), NO_ACL).create(session, CompanyFixtures.site(siteName, commune, region));
        EventSheets sheets = new EventSheets(repository(), NO_ACL, OCTOBER, PARIS);
        sheets.save(session, slug, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), PARIS, Lang.FR).form());
        sheets.submit(session, slug, Lang.FR);
        return new Submitted(session, sheets, slug);
    }

    @Test
    void aSubmittedSheetWithABrokenSiteReferenceDoesNotHideTheOthers() {
        String slug = submitted("Chaudronnerie Est", "contact@chaudronnerie.example.fr", "Grand Est", "Chaudronnerie", "Metz")
                .slug();
        for (String site : new String[] {"", "0b6c5f3e-1d2a-4c9b-8e7f-123456789abc"}) {
            repository().write(s -> {
                javax.jcr.Node broken = s.getNode("/events/2026").addNode("broken-" + site.length(), "mgnl:content");
                broken.setProperty("status", "submitted");
                broken.setProperty("site", site);
                return null;
            });
        }
        ModerationQueue queue = new ModerationQueue(repository(), NO_ACL, mails::add, PublicUrl.of("https://journees.example.fr"), OCTOBER, PARIS);

        assertThat(queue.submitted()).extracting(item -> item.sheet().siteSlug()).contains(slug)
                .doesNotContain("broken-0", "broken-36");
        assertThatThrownBy(() -> queue.approve(2026, "broken-0")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aRejectedSheetGoesBackToDraftWithTheMessageMailedInFrench() {
        Submitted submitted = submitted("Verrerie Sud", "rh@verrerie.example.fr", "Occitanie", "Verrerie", "Albi");
        CompanySession session = submitted.session();
        EventSheets sheets = submitted.sheets();
        String slug = submitted.slug();

        new ModerationQueue(repository(), NO_ACL, mails::add, PublicUrl.of("https://journees.example.fr"), OCTOBER, PARIS)
                .reject(2026, slug, "Précisez le point de rendez-vous & l'accès PMR.");

        SheetSummary sheet = sheets.find(session, 2026, slug).orElseThrow();
        assertThat(sheet.status()).isEqualTo("draft");
        assertThat(sheet.rejectionMessage()).isEqualTo("Précisez le point de rendez-vous & l'accès PMR.");
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).text()).contains("Précisez le point de rendez-vous & l'accès PMR.", "brouillon");
        assertThat(mails.get(0).html()).contains("&amp; l&#39;accès");
        sheets.save(session, slug, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), PARIS, Lang.FR).form());
    }

    @Test
    void submittingIsRefusedAfterTheRegionalDeadline() {
        String company = CompanyFixtures.company(repository(), "Usine Francilienne", "idf@usine.example.fr", "Île-de-France");
        CompanySession session = new SystemCompanySession(repository(), company);
        String slug = new CompanySites(repository(), NO_ACL).create(session,
                CompanyFixtures.site("Usine d'Évry", "Évry-Courcouronnes", "Île-de-France"));
        EventSheets sheets = new EventSheets(repository(), NO_ACL, MARCH_10, PARIS);
        sheets.save(session, slug, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), PARIS, Lang.FR).form());

        assertThatThrownBy(() -> sheets.submit(session, slug, Lang.FR)).isInstanceOf(RefusedException.class)
                .hasMessageContaining("Île-de-France").hasMessageContaining("closes depuis le 5 mars 2026");
        String lille = new CompanySites(repository(), NO_ACL).create(session, CompanyFixtures.site("Usine de Lille", "Lille", "Hauts-de-France"));
        sheets.save(session, lille, SheetForm.validate(CompanyFixtures.sheetValues(), sheets.currentEdition(), PARIS, Lang.FR).form());
        sheets.submit(session, lille, Lang.FR);
        assertThat(sheets.find(session, 2026, lille).orElseThrow().status()).isEqualTo("submitted");
    }

    @Test
    void slotsMustFallOnTheEditionsDaysForTheAudiencesOfThatDay() {
        Edition edition = new EventSheets(repository(), NO_ACL, OCTOBER, PARIS).currentEdition();
        Map<String, String> values = new java.util.HashMap<>(CompanyFixtures.sheetValues());
        values.put("slot.1.audience.school", "on");
        values.put("slot.0.end", "8:00");
        values.put("slot.0.capacity", "-3");
        values.put("registrationMode", "external");

        SheetForm.Result result = SheetForm.validate(values, edition, PARIS, Lang.FR);

        assertThat(result.form()).isNull();
        assertThat(result.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("slot.1.audiences", "slot.0.end", "slot.0.capacity", "externalUrl");
        assertThat(result.errors()).filteredOn(e -> e.field().equals("slot.1.audiences")).first()
                .extracting(FieldError::message).asString().contains("Grand public");
    }

    @Test
    void siteDescriptionsAreSanitisedAndAnotherCompanysSiteIsNotFound() {
        String a = CompanyFixtures.company(repository(), "Alpha", "a@alpha.example.fr", "Bretagne");
        String b = CompanyFixtures.company(repository(), "Beta", "b@beta.example.fr", "Bretagne");
        CompanySites sites = new CompanySites(repository(), NO_ACL);
        String site = sites.create(new SystemCompanySession(repository(), a), CompanyFixtures.site("Alpha Rennes", "Rennes", "Bretagne"));

        assertThat(sites.find(new SystemCompanySession(repository(), a), site).values().get("description"))
                .isEqualTo("<p>Coulée <b>en direct</b></p>");
        assertThat(sites.list(new SystemCompanySession(repository(), b))).isEmpty();
        assertThatThrownBy(() -> sites.find(new SystemCompanySession(repository(), b), site)).isInstanceOf(NotFoundException.class);
    }
}
