package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.SlotCounts;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cancelling a visit over real HTTP, as its users do it, with GreenMail: a company cancels its published sheet (a
 * class of 20, three families and a waiting family are told in their language, the organisers are alerted, the
 * public page says the visit is cancelled, bookings are refused), or one slot only; a bad reason changes nothing;
 * another company cannot cancel it; organisers cancel from the moderation app; cancelling twice mails nothing.
 */
class VisitCancellationTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("mail-from", "Journées Usines Ouvertes <organisation@journees.example.fr>")
            .setting("public-url", "https://journees.example.fr")
            .modules(new EventsModule());

    private static final String REASON = "Panne de la ligne de production : l'atelier est fermé pour réparation.";
    private static final String REASON_HTML = REASON.replace("'", "&#39;");
    private static final Pattern MANAGE = Pattern.compile("https://journees\\.example\\.fr(/(?:en/)?inscription/gestion/[A-Za-z0-9._~-]+)");

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCompanyCancelsItsPublishedSheetAndEveryRegistrantIsToldInTheirLanguage() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha",
                "alpha@fonderie.example.fr", "Fonderie Alpha de Santes");
        CancellationFixtures.PublishedSheet nearby = CancellationFixtures.publishedSheet(PLATFORM, "Tissage Beta",
                "beta@tissage.example.fr", "Tissage Beta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "alpha.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("alpha@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetPage = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";

        HttpResponse<String> page = company.get(sheetPage);
        assertThat(page.body()).contains("href=\"" + sheetPage + "/annuler\"", "Annuler la participation", "Annuler ce créneau")
                .doesNotContain("action=\"" + sheetPage + "/annuler\"");
        HttpResponse<String> confirm = company.get(sheetPage + "/annuler");
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("38 personne(s) confirmée(s) (4 inscription(s))",
                "1 inscription(s) en liste d&#39;attente", "name=\"reason\"");

        for (String bad : new String[] {"", "Trop tôt"}) {
            HttpResponse<String> refused = company.post(sheetPage + "/annuler", Map.of("reason", bad));
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("id=\"e-reason\"", "aria-invalid=\"true\"", "Motif de l&#39;annulation");
        }
        assertThat(company.postRaw(sheetPage + "/annuler", Map.of("reason", REASON)).statusCode()).isEqualTo(403); // no CSRF token
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).doesNotContain("cancelled");

        AdminBrowser other = AdminBrowser.on(PLATFORM);
        other.login("beta@tissage.example.fr", CompanyAccessTestSupport.PASSWORD);
        assertThat(other.get(sheetPage + "/annuler").statusCode()).isEqualTo(404);
        assertThat(other.post(sheetPage + "/annuler", Map.of("reason", REASON)).statusCode()).isEqualTo(404);
        assertThat(other.post("/admin/entreprise/sites/" + nearby.slug() + "/fiche/annuler",
                Map.of("reason", REASON, "creneau", sheet.fridaySlot())).statusCode()).isEqualTo(404);
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");

        HttpResponse<String> done = company.post(sheetPage + "/annuler", Map.of("reason", REASON));
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(company.get(sheetPage).body()).contains("Fiche annulée", "Annulée");
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("cancelled");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.fridaySlot())).containsExactly("cancelled");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).containsOnly("cancelled").hasSize(4);
        PLATFORM.platform().repository().read(session -> {
            SlotCounts counts = SlotCounts.of(session, fr.usinesouvertes.platform.repository.NodesByIdentifier.find(session, sheet.saturdaySlot()));
            assertThat(counts.bookedPersons()).isZero();
            assertThat(counts.waitingRegistrations()).isZero();
            return null;
        });

        List<MimeMessage> mails = CompanySpaceTestSupport.awaitMails(SMTP, "alpha.example.fr", 5);
        assertThat(mails).extracting(MimeMessage::getSubject).containsExactlyInAnyOrder(
                "Visite annulée : Fonderie Alpha – Fonderie Alpha de Santes – vendredi 20 mars 2026",
                "Visite annulée : Fonderie Alpha – Fonderie Alpha de Santes – samedi 21 mars 2026",
                "Visite annulée : Fonderie Alpha – Fonderie Alpha de Santes – samedi 21 mars 2026",
                "Visit cancelled: Fonderie Alpha – Fonderie Alpha de Santes – Saturday 21 March 2026",
                "Visit cancelled: Fonderie Alpha – Fonderie Alpha de Santes – Saturday 21 March 2026");
        try (java.io.OutputStream eml = java.nio.file.Files.newOutputStream(Path.of("target/visit-cancelled-class.eml"))) {
            CompanySpaceTestSupport.to(mails, "classe@alpha.example.fr").writeTo(eml); // to look at
        }
        String classMail = CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "classe@alpha.example.fr"));
        assertThat(classMail).contains("Bonjour Mme Lefebvre", "Nombre de personnes : 20", REASON,
                "Vous n'avez rien à faire", "D'autres visites ont encore lieu",
                "Tissage Beta – Tissage Beta de Santes", "https://journees.example.fr/inscription/" + nearby.fridaySlot() + "/scolaire");
        String waitingMail = CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "jones@alpha.example.fr"));
        assertThat(waitingMail).contains("Hello Jones family", "you were on the waiting list", REASON,
                "https://journees.example.fr/en/inscription/" + nearby.saturdaySlot() + "/grand-public");
        assertThat(CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "smith@alpha.example.fr"))).contains("STATUS:CANCELLED", "UID:registration-");
        assertThat(CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "jones@alpha.example.fr"))).doesNotContain("BEGIN:VCALENDAR"); // it had no .ics

        MimeMessage alert = CompanySpaceTestSupport.awaitMails(SMTP, "journees.example.fr", 1).get(0);
        assertThat(alert.getSubject()).contains("Visite annulée", "Fonderie Alpha de Santes");
        assertThat(CompanySpaceTestSupport.body(alert)).contains(REASON, "5 inscription(s) annulée(s), dont 38 personne(s) confirmée(s)",
                "alpha@fonderie.example.fr");

        Matcher manage = MANAGE.matcher(waitingMail);
        assertThat(manage.find()).isTrue();
        assertThat(PLATFORM.get(manage.group(1)).body()).contains("This visit was cancelled", REASON_HTML, "Cancelled");

        HttpResponse<String> publicPage = PLATFORM.get("/usines/" + sheet.slug());
        assertThat(publicPage.statusCode()).isEqualTo(200);
        assertThat(publicPage.body()).contains("Visite annulée", "D&#39;autres usines à visiter près d&#39;ici", "Tissage Beta de Santes")
                .doesNotContain(REASON_HTML).doesNotContain("/inscription/" + sheet.saturdaySlot());
        HttpResponse<String> englishPage = PLATFORM.get("/en/usines/" + sheet.slug());
        assertThat(englishPage.statusCode()).isEqualTo(200);
        assertThat(englishPage.body()).contains("Visit cancelled", "Other factories to visit nearby");

        HttpResponse<String> form = PLATFORM.get("/inscription/" + sheet.saturdaySlot() + "/grand-public");
        assertThat(form.statusCode()).isEqualTo(410);
        assertThat(form.body()).contains("est annulée", sheet.saturdaySlot());
        AdminBrowser visitor = AdminBrowser.on(PLATFORM);
        assertThat(visitor.postRaw("/inscription/" + sheet.saturdaySlot() + "/grand-public", Map.of("name", "Durand"))
                .statusCode()).isEqualTo(409);

        HttpResponse<String> api = PLATFORM.post("/.rest/registrations/v1", "application/json", "{\"slot\":\"" + sheet.saturdaySlot()
                + "\",\"audience\":\"public\",\"name\":\"Durand\",\"email\":\"durand@example.fr\",\"persons\":2,"
                + "\"consent\":true,\"lang\":\"en\"}");
        assertThat(api.statusCode()).isEqualTo(409);
        assertThat(api.body()).contains("\"code\":\"slotCancelled\"", sheet.saturdaySlot());

        // twice: nothing changes, nothing is mailed
        HttpResponse<String> again = company.post(sheetPage + "/annuler", Map.of("reason", REASON));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(company.get(sheetPage).body()).contains("déjà annulée");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(CompanySpaceTestSupport.mailsTo(SMTP, "alpha.example.fr")).hasSize(5);
            assertThat(CompanySpaceTestSupport.mailsTo(SMTP, "journees.example.fr")).hasSize(1);
        });
    }

    @Test
    void aCompanyCancelsOneSlotAndTheOtherStaysOpen() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Verrerie Gamma",
                "gamma@verrerie.example.fr", "Verrerie Gamma de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "gamma.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("gamma@verrerie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetPage = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";

        HttpResponse<String> confirm = company.get(sheetPage + "/annuler?creneau=" + sheet.saturdaySlot());
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("samedi 21 mars 2026", "18 personne(s) confirmée(s) (3 inscription(s))",
                "1 inscription(s) en liste d&#39;attente", "le créneau sera marqué", "value=\"" + sheet.saturdaySlot() + "\"");
        HttpResponse<String> english = company.get(sheetPage + "/annuler?lang=en&creneau=" + sheet.saturdaySlot());
        assertThat(english.body()).contains("Cancel a slot", "Saturday 21 March 2026", "18 confirmed person(s) (3 registration(s))",
                "action=\"" + sheetPage + "/annuler?lang=en\"");
        HttpResponse<String> englishRefusal = company.post(sheetPage + "/annuler?lang=en",
                Map.of("reason", "short", "creneau", sheet.saturdaySlot()));
        assertThat(englishRefusal.statusCode()).isEqualTo(400);
        assertThat(englishRefusal.body()).contains("id=\"e-reason\"", "The reason must be 10 to 1000 characters long (here 5).");
        HttpResponse<String> refused = company.post(sheetPage + "/annuler", Map.of("reason", "court", "creneau", sheet.saturdaySlot()));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"e-reason\"", "entre 10 et 1000 caractères");
        assertThat(company.post(sheetPage + "/annuler", Map.of("reason", REASON, "creneau", "not-a-slot")).statusCode()).isEqualTo(404);

        assertThat(company.post(sheetPage + "/annuler", Map.of("reason", REASON, "creneau", sheet.saturdaySlot())).statusCode())
                .isEqualTo(303);
        assertThat(company.get(sheetPage).body()).contains("Créneau annulé.");
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.fridaySlot())).containsExactly("confirmed");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).containsOnly("cancelled").hasSize(4);
        assertThat(CompanySpaceTestSupport.awaitMails(SMTP, "gamma.example.fr", 4)).extracting(m -> m.getAllRecipients()[0].toString())
                .doesNotContain("classe@gamma.example.fr");

        String publicPage = PLATFORM.get("/usines/" + sheet.slug()).body();
        // on 1 October 2025 the Friday slot stays open, its school sign-up not yet: the page says when it opens
        assertThat(publicPage).contains("Annulé", "Inscrire une classe – Les inscriptions des groupes scolaires ouvrent le")
                .doesNotContain("/inscription/" + sheet.saturdaySlot() + "/grand-public").doesNotContain("Visite annulée");
        assertThat(PLATFORM.get("/inscription/" + sheet.fridaySlot() + "/scolaire").statusCode()).isEqualTo(200);
        assertThat(PLATFORM.get("/en/inscription/" + sheet.saturdaySlot() + "/grand-public").body()).contains("is cancelled");
        // no further mail arrives: the other slot's registrants are not told anything
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(CompanySpaceTestSupport.mailsTo(SMTP, "gamma.example.fr")).hasSize(4));
    }

    @Test
    void organisersCancelAPublishedSheetFromTheModerationApp() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Papeterie Delta",
                "delta@papeterie.example.fr", "Papeterie Delta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "delta.example.fr");
        PLATFORM.platform().accounts().create("orga@delta-cancel.example.fr", "Organisatrice",
                "Moderation-2026-ok".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("orga@delta-cancel.example.fr", "Moderation-2026-ok");
        String cancelPage = "/admin/moderation/2026/" + sheet.slug() + "/annuler";

        assertThat(organiser.get("/admin/moderation/").body()).contains("Papeterie Delta de Santes", "href=\"" + cancelPage + "\"");
        assertThat(organiser.get(cancelPage).body()).contains("38 personne(s) confirmée(s)");
        HttpResponse<String> refused = organiser.post(cancelPage, Map.of("reason", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"e-reason\"", "Indiquez le motif");
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");

        String reason = "Alerte météo rouge : la préfecture interdit les visites ce week-end.";
        assertThat(organiser.post(cancelPage, Map.of("reason", reason)).statusCode()).isEqualTo(303);
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("cancelled");
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).containsOnly("cancelled");
        assertThat(CompanySpaceTestSupport.awaitMails(SMTP, "delta.example.fr", 5)).allSatisfy(m -> assertThat(CompanySpaceTestSupport.body(m)).contains(reason));
        MimeMessage toCompany = CompanySpaceTestSupport.awaitMails(SMTP, "papeterie.example.fr", 1).get(0);
        assertThat(toCompany.getSubject()).startsWith("Les organisateurs ont annulé");
        assertThat(organiser.get("/admin/moderation/").body()).contains("Visites annulées", reason, "les organisateurs");
        assertThat(organiser.post(cancelPage, Map.of("reason", reason)).statusCode()).isEqualTo(303);
        assertThat(organiser.get("/admin/moderation/").body()).contains("déjà annulée");
    }
}
