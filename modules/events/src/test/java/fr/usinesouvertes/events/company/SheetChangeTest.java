package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A company changes its published sheet over real HTTP, with GreenMail: the public page keeps the published version
 * until the organisers approve; the moderation app shows the differences; approval applies them and tells the
 * registrants of the re-timed slot in their language with the updated .ics; sending back keeps the published version;
 * the slot rules refuse a capacity below the confirmed persons and removing a slot with registrations, naming the
 * field; another company cannot change it; no CSRF token answers 403; a change can be withdrawn.
 */
class SheetChangeTest {

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

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    /** The sheet form of the fixture's sheet, with the slots' ids (Friday first, Saturday second). */
    static Map<String, String> form(CancellationFixtures.PublishedSheet sheet) {
        Map<String, String> values = new HashMap<>(CompanyFixtures.sheetValues());
        values.put("slot.0.id", sheet.fridaySlot());
        values.put("slot.1.id", sheet.saturdaySlot());
        return values;
    }

    @Test
    void aChangeWaitsForTheOrganisersThenReachesThePublicPageAndTheRegistrantsOfTheReTimedSlot() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Epsilon",
                "epsilon@fonderie.example.fr", "Fonderie Epsilon de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "epsilon.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("epsilon@fonderie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetPage = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";

        HttpResponse<String> page = company.get(sheetPage);
        assertThat(page.body()).contains("Soumettre la modification", "name=\"slot.1.id\" value=\"" + sheet.saturdaySlot() + "\"",
                "value=\"Poste de garde\"", "Annuler ce créneau");

        Map<String, String> change = form(sheet);
        change.put("meetingPoint", "Accueil du bâtiment B");
        change.put("slot.1.start", "14:00");
        change.put("slot.1.end", "16:00");
        change.put("slot.1.capacity", "24");
        change.put("slot.2.day", "saturday");
        change.put("slot.2.start", "16:30");
        change.put("slot.2.end", "18:00");
        change.put("slot.2.capacity", "12");
        change.put("slot.2.audience.public", "on");
        assertThat(company.postRaw(sheetPage, change).statusCode()).isEqualTo(403); // no CSRF token
        assertThat(company.post(sheetPage, change).statusCode()).isEqualTo(303);

        HttpResponse<String> pending = company.get(sheetPage);
        assertThat(pending.body()).contains("Modification en attente de validation", "Accueil du bâtiment B", "Poste de garde",
                "14 h 00 – 16 h 00", "Ajouté", "Retirer la modification");
        String publicPage = PLATFORM.get("/usines/" + sheet.slug()).body();
        assertThat(publicPage).contains("Poste de garde").doesNotContain("Accueil du bâtiment B");
        assertThat(slotCount(sheet.slug())).isEqualTo(2);
        assertThat(CancellationFixtures.sheetStatus(PLATFORM, sheet.slug())).isEqualTo("published");

        PLATFORM.platform().accounts().create("orga@epsilon-change.example.fr", "Organisatrice",
                "Moderation-2026-ok".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("orga@epsilon-change.example.fr", "Moderation-2026-ok");
        String moderation = organiser.get("/admin/moderation/").body();
        assertThat(moderation).contains("Modifications de fiches publiées", "Fonderie Epsilon de Santes",
                "<del>Poste de garde</del>", "<ins>Accueil du bâtiment B</ins>",
                "samedi 21 mars 2026, 10 h 00 – 12 h 00 · 20 pers.", "samedi 21 mars 2026, 14 h 00 – 16 h 00 · 24 pers.",
                "18 personne(s) confirmée(s) et 1 inscription(s) en attente seront prévenues", "16 h 30 – 18 h 00");

        String approve = "/admin/moderation/2026/" + sheet.slug() + "/modification/approuver";
        assertThat(organiser.postRaw(approve, Map.of()).statusCode()).isEqualTo(403);
        assertThat(organiser.post(approve, Map.of()).statusCode()).isEqualTo(303);
        assertThat(PLATFORM.get("/usines/" + sheet.slug()).body()).contains("Accueil du bâtiment B")
                .doesNotContain("Poste de garde");
        assertThat(slotCount(sheet.slug())).isEqualTo(3);
        assertThat(company.get(sheetPage).body()).doesNotContain("Modification en attente de validation");
        // the Saturday slot kept its id, and the raised capacity confirmed the waiting family (4 more persons)
        assertThat(CancellationFixtures.statuses(PLATFORM, sheet.saturdaySlot())).containsOnly("confirmed").hasSize(4);

        // every registrant hears of the new meeting point; the Saturday ones of the new times too
        List<MimeMessage> mails = CompanySpaceTestSupport.awaitMails(SMTP, "epsilon.example.fr", 5);
        assertThat(mails).extracting(MimeMessage::getSubject).contains(
                "Visite modifiée : Fonderie Epsilon – Fonderie Epsilon de Santes – samedi 21 mars 2026",
                "Visit changed: Fonderie Epsilon – Fonderie Epsilon de Santes – Saturday 21 March 2026");
        MimeMessage french = CompanySpaceTestSupport.to(mails, "martin@epsilon.example.fr");
        try (java.io.OutputStream eml = java.nio.file.Files.newOutputStream(Path.of("target/visit-changed-fr.eml"))) {
            french.writeTo(eml); // to look at
        }
        assertThat(CompanySpaceTestSupport.body(french)).contains("Bonjour Famille Martin", "Ce qui change",
                "Horaire : samedi 21 mars 2026, 14 h 00 – 16 h 00 (au lieu de samedi 21 mars 2026, 10 h 00 – 12 h 00)",
                "Point de rendez-vous : Accueil du bâtiment B (auparavant : Poste de garde)",
                "BEGIN:VCALENDAR", "SEQUENCE:1", "UID:registration-", "T140000");
        assertThat(CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "smith@epsilon.example.fr"))).contains("Hello Smith family", "What changes",
                "Time: Saturday 21 March 2026, 14:00 – 16:00 (instead of Saturday 21 March 2026, 10:00 – 12:00)",
                "SEQUENCE:1");
        assertThat(CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "classe@epsilon.example.fr"))).contains("Point de rendez-vous : Accueil du bâtiment B")
                .doesNotContain("Horaire :");
        assertThat(CompanySpaceTestSupport.body(CompanySpaceTestSupport.to(mails, "jones@epsilon.example.fr"))).contains("A place came free");
        MimeMessage toCompany = CompanySpaceTestSupport.awaitMails(SMTP, "fonderie.example.fr", 1).get(0);
        assertThat(toCompany.getSubject()).contains("modification", "publiée");
    }

    @Test
    void slotRulesNameTheFieldAndTheNumbersAndWriteNothing() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Verrerie Zeta",
                "zeta@verrerie.example.fr", "Verrerie Zeta de Santes");
        CancellationFixtures.issueRegistrations(PLATFORM, sheet, "zeta.example.fr");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("zeta@verrerie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetPage = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";

        company.get(sheetPage); // the form's CSRF token
        Map<String, String> lower = form(sheet);
        lower.put("slot.1.capacity", "10");
        lower.put("meetingPoint", "Ailleurs");
        HttpResponse<String> refused = company.post(sheetPage, lower);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"e-slot-1-capacity\"", "aria-invalid=\"true\"",
                "sous les 18 personnes déjà confirmées sur ce créneau (vous demandez 10)", "value=\"Ailleurs\"");
        HttpResponse<String> english = company.post(sheetPage + "?lang=en", lower);
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("below the 18 persons already confirmed on this slot (you ask for 10)");

        Map<String, String> removed = form(sheet);
        for (String field : List.of("start", "end", "capacity", "maxPersons", "audience.public")) {
            removed.remove("slot.1." + field);
        }
        HttpResponse<String> removal = company.post(sheetPage, removed);
        assertThat(removal.statusCode()).isEqualTo(400);
        assertThat(removal.body()).contains("id=\"e-slot-1-start\"", "18 personne(s) confirmée(s) et 1 inscription(s) en attente",
                "il ne peut être supprimé");
        assertThat(company.get(sheetPage).body()).doesNotContain("Modification en attente");
        assertThat(PLATFORM.get("/usines/" + sheet.slug()).body()).doesNotContain("Ailleurs");

        CompanyAccessTestSupport.company(PLATFORM, "Tissage Theta", "theta@tissage.example.fr");
        AdminBrowser other = AdminBrowser.on(PLATFORM);
        other.login("theta@tissage.example.fr", CompanyAccessTestSupport.PASSWORD);
        other.get("/admin/entreprise/");
        Map<String, String> hijack = form(sheet);
        hijack.put("meetingPoint", "Pris par une autre entreprise");
        assertThat(other.post(sheetPage, hijack).statusCode()).isEqualTo(404);
        assertThat(company.get(sheetPage).body()).doesNotContain("Pris par une autre entreprise");
    }

    @Test
    void aChangeSentBackKeepsThePublishedVersionAndCanBeWithdrawn() throws Exception {
        CancellationFixtures.PublishedSheet sheet = CancellationFixtures.publishedSheet(PLATFORM, "Papeterie Eta",
                "eta@papeterie.example.fr", "Papeterie Eta de Santes");
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("eta@papeterie.example.fr", CompanyAccessTestSupport.PASSWORD);
        String sheetPage = "/admin/entreprise/sites/" + sheet.slug() + "/fiche";
        company.get(sheetPage);
        Map<String, String> change = form(sheet);
        change.put("parking", "Parking visiteurs rue Haute");
        change.put("contactEmail", "visites@papeterie.example.fr");
        assertThat(company.post(sheetPage, change).statusCode()).isEqualTo(303);
        assertThat(PLATFORM.platform().repository().<String>read(session -> EventSheets.text(
                session.getNode(EventSheets.ROOT + "/2026/" + sheet.slug()), "contactEmail"))).isEqualTo("visites@papeterie.example.fr");

        PLATFORM.platform().accounts().create("orga@eta-change.example.fr", "Organisateur",
                "Moderation-2026-ok".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("orga@eta-change.example.fr", "Moderation-2026-ok");
        String sendBack = "/admin/moderation/2026/" + sheet.slug() + "/modification/renvoyer";
        assertThat(organiser.get("/admin/moderation/").body()).contains("<ins>Parking visiteurs rue Haute</ins>");
        HttpResponse<String> empty = organiser.post(sendBack, Map.of("message", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("id=\"e-change-message-" + sheet.slug() + "\"", "Écrivez le message à l&#39;entreprise");
        assertThat(organiser.post(sendBack, Map.of("message", "Précisez l'entrée du parking, s'il vous plaît.")).statusCode())
                .isEqualTo(303);
        assertThat(organiser.get("/admin/moderation/").body()).doesNotContain("Parking visiteurs rue Haute");
        assertThat(CompanySpaceTestSupport.awaitMails(SMTP, "papeterie.example.fr", 1).get(0).getSubject()).contains("à revoir");

        String page = company.get(sheetPage).body();
        assertThat(page).contains("Modification renvoyée par les organisateurs", "Précisez l&#39;entrée du parking",
                "value=\"Parking visiteurs rue Haute\"");
        assertThat(PLATFORM.get("/usines/" + sheet.slug()).body()).doesNotContain("Parking visiteurs rue Haute");

        String withdraw = sheetPage + "/modification/retirer";
        assertThat(company.postRaw(withdraw, Map.of()).statusCode()).isEqualTo(403);
        assertThat(company.post(withdraw, Map.of()).statusCode()).isEqualTo(303);
        String after = company.get(sheetPage).body();
        assertThat(after).contains("Modification retirée").doesNotContain("Parking visiteurs rue Haute");
    }

    private static long slotCount(String slug) {
        return PLATFORM.platform().repository().read(session ->
                session.getNode(EventSheets.ROOT + "/2026/" + slug + "/slots").getNodes().getSize());
    }
}
