package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.schools.SchoolDirectory;
import fr.usinesouvertes.events.schools.SchoolsCsv;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The schools outreach over real HTTP with GreenMail, as the organisers and the schools use it: proposals for a site
 * go once to each school within reach, not again unless asked; the e-mailed link opens the school form pre-filled;
 * opened, registered and declined are counted per region; a transport-funding request is approved (the teacher told,
 * the CSV for payment lists it) or refused with the organisers' message e-mailed; a back-office import with a bad row
 * reports it by line and imports nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchoolsOutreachTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2026-01-15T10:00:00+01:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("mail-from", "Journées Usines Ouvertes <organisation@journees.example.fr>")
            .setting("public-url", "https://journees.example.fr")
            .modules(new EventsModule());

    private static final String ADMIN = "organisation@example.fr";
    private static final String ADMIN_PASSWORD = "correct horse battery";
    private static CancellationFixtures.PublishedSheet sheet;
    private static AdminBrowser organiser;

    @BeforeAll
    static void directoryAndSite() throws Exception {
        importExtract(PLATFORM);
        sheet = CancellationFixtures.publishedSheet(PLATFORM, "Fonderie Alpha", "alpha@fonderie.example.fr",
                "Fonderie Alpha de Santes");
        PLATFORM.platform().accounts().create(ADMIN, "Organisation", ADMIN_PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
        organiser = AdminBrowser.on(PLATFORM);
        organiser.login(ADMIN, ADMIN_PASSWORD);
    }

    /** Replaces the directory with the establishments of the official export's extract ({@code annuaire-extrait.csv}). */
    static void importExtract(PlatformExtension platform) throws Exception {
        try (InputStream in = SchoolsOutreachTest.class.getResourceAsStream("/schools/annuaire-extrait.csv")) {
            new SchoolDirectory(platform.platform().repository()).replace(SchoolsCsv.read(in, false).schools(), "test",
                    Clock.systemUTC());
        }
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    @Order(1)
    void aProposalBatchIsDeliveredOncePerSchoolAndAgainOnlyWhenAsked() throws Exception {
        assertThat(organiser.get("/admin/ecoles/").body()).contains("Proposer des visites", "{lien}");
        assertThat(organiser.postRaw("/admin/ecoles/propositions", Map.of("edition", "2026", "site", sheet.slug()))
                .statusCode()).as("no CSRF token").isEqualTo(403);
        HttpResponse<String> bad = organiser.post("/admin/ecoles/propositions", Map.of("edition", "2026", "site", "Pas Un Site"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"e-site\"", "minuscules");
        assertThat(organiser.post("/admin/ecoles/propositions", Map.of("edition", "1999", "site", sheet.slug()))
                .body()).contains("id=\"e-edition\"").isNotNull();

        HttpResponse<String> sent = organiser.post("/admin/ecoles/propositions", Map.of("edition", "2026", "site", sheet.slug()));
        assertThat(sent.statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length >= 3);
        assertThat(SchoolMails.recipients(SMTP)).containsExactlyInAnyOrder("ce.0590001a@ac-lille.fr", "ce.0590002b@ac-lille.fr",
                "ce.0590005e@ac-lille.fr");
        MimeMessage toCollege = SchoolMails.to(SMTP, "ce.0590001a@ac-lille.fr").get(0);
                assertThat(toCollege.getSubject()).isEqualTo("Journées Usines Ouvertes : une visite d'usine pour vos élèves");
        assertThat(SchoolMails.text(toCollege)).contains("Fonderie Alpha de Santes", "Collège Jean Jaurès (Santes)", "vendredi 20 mars 2026",
                "Décliner la proposition", "estimé");

        organiser.get("/admin/ecoles/");
        assertThat(organiser.post("/admin/ecoles/propositions", Map.of("edition", "2026", "site", sheet.slug())).statusCode())
                .isEqualTo(303);
        assertThat(organiser.get("/admin/ecoles/").body()).contains("0 proposition(s) envoyée(s)", "3 établissement(s) déjà sollicité(s)");
        Thread.sleep(2_000);
        assertThat(SMTP.getReceivedMessages()).hasSize(3);

        assertThat(organiser.post("/admin/ecoles/propositions", Map.of("edition", "2026", "site", sheet.slug(),
                "again", "true")).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> SMTP.getReceivedMessages().length >= 6);
        assertThat(SchoolMails.to(SMTP, "ce.0590001a@ac-lille.fr")).hasSize(2);
    }

    @Test
    @Order(2)
    void theLinkOpensTheFormPreFilledAndOpenedRegisteredDeclinedAreCounted() throws Exception {
        String link = SchoolMails.link(SMTP, "ce.0590001a@ac-lille.fr");
        AdminBrowser school = AdminBrowser.on(PLATFORM);
        HttpResponse<String> proposal = school.get(link);
        assertThat(proposal.statusCode()).isEqualTo(200);
        assertThat(proposal.body()).contains("Collège Jean Jaurès", "Inscrire une classe à ce créneau");
        Matcher form = Pattern.compile("href=\"(/inscription/[^\"]+/scolaire\\?proposition=[^\"]+)\"").matcher(proposal.body());
        assertThat(form.find()).isTrue();
        HttpResponse<String> prefilled = school.get(form.group(1).replace("&amp;", "&"));
        assertThat(prefilled.statusCode()).isEqualTo(200);
        assertThat(prefilled.body()).contains("value=\"Collège Jean Jaurès\"", "value=\"0590001A\"", "value=\"Santes\"",
                "name=\"transportAmount\"");
        assertThat(school.get("/ecoles/proposition/forged.token.x").statusCode()).isEqualTo(404);
        HttpResponse<String> english = school.get("/en" + link);
        assertThat(english.statusCode()).isEqualTo(200);
        assertThat(english.body()).contains("Factory visit proposal", "/en/inscription/");

        register(school, form.group(1), "0590001A", "Collège Jean Jaurès", "Santes", "Mme Carpentier",
                "carpentier@college.example.fr", "350");

        String lyceeLink = SchoolMails.link(SMTP, "ce.0590002b@ac-lille.fr");
        HttpResponse<String> ask = school.get(lyceeLink + "/decliner");
        assertThat(ask.statusCode()).isEqualTo(200);
        String csrf = value(ask.body(), "csrf");
        assertThat(school.postRaw(lyceeLink + "/decliner", Map.of("csrf", "forged")).statusCode()).isEqualTo(403);
        HttpResponse<String> declined = school.postRaw(lyceeLink + "/decliner", Map.of("csrf", csrf));
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("Proposition déclinée");

        String figures = organiser.get("/admin/ecoles/?edition=2026").body();
        assertThat(figures).contains("<th scope=\"row\">Hauts-de-France</th><td>3</td><td>1</td><td>1</td><td>1</td>");
    }

    @Test
    @Order(3)
    void aFundingRequestIsApprovedAndExportedAnotherRefusedWithTheEmailedMessage() throws Exception {
        AdminBrowser school = AdminBrowser.on(PLATFORM);
        String proposal = school.get(SchoolMails.link(SMTP, "ce.0590005e@ac-lille.fr")).body();
        Matcher form = Pattern.compile("href=\"(/inscription/[^\"]+/scolaire\\?proposition=[^\"]+)\"").matcher(proposal);
        assertThat(form.find()).isTrue();
        register(school, form.group(1), "0590005E", "EREA Lille Métropole", "Lille", "M. Leroy", "leroy@erea.example.fr",
                "500");

        String page = organiser.get("/admin/transport-scolaire/?edition=2026").body();
        assertThat(page).contains("Collège Jean Jaurès (0590001A)", "350 €", "EREA Lille Métropole (0590005E)",
                "estimation", "Hauts-de-France");
        List<String> ids = caseIds(page);
        assertThat(ids).hasSize(2);
        String college = ids.get(page.indexOf("Collège Jean Jaurès") < page.indexOf("EREA Lille") ? 0 : 1);
        String erea = ids.get(ids.get(0).equals(college) ? 1 : 0);

        HttpResponse<String> badAmount = organiser.post("/admin/transport-scolaire/" + college + "/accorder",
                Map.of("edition", "2026", "amount", "beaucoup"));
        assertThat(badAmount.statusCode()).isEqualTo(400);
        assertThat(badAmount.body()).contains("id=\"e-amount\"", "nombre entier d&#39;euros");
        organiser.get("/admin/transport-scolaire/?edition=2026");
        assertThat(organiser.post("/admin/transport-scolaire/budget", Map.of("edition", "2026",
                "region", "Hauts-de-France", "budget", "1000")).statusCode()).isEqualTo(303);
        organiser.get("/admin/transport-scolaire/?edition=2026");
        assertThat(organiser.post("/admin/transport-scolaire/" + college + "/accorder",
                Map.of("edition", "2026", "amount", "300")).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> funding("carpentier@college.example.fr") != null);
        assertThat(funding("carpentier@college.example.fr").getSubject()).contains("aide au transport accordée");
        assertThat(SchoolMails.text(funding("carpentier@college.example.fr"))).contains("300 €");

        organiser.get("/admin/transport-scolaire/?edition=2026");
        HttpResponse<String> shortMessage = organiser.post("/admin/transport-scolaire/" + erea + "/refuser",
                Map.of("edition", "2026", "message", "Non."));
        assertThat(shortMessage.statusCode()).isEqualTo(400);
        assertThat(shortMessage.body()).contains("id=\"e-message\"");
        organiser.get("/admin/transport-scolaire/?edition=2026");
        String reason = "Le budget de la région est épuisé pour les trajets de moins de 10 km.";
        assertThat(organiser.post("/admin/transport-scolaire/" + erea + "/refuser",
                Map.of("edition", "2026", "message", reason)).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> funding("leroy@erea.example.fr") != null);
        assertThat(SchoolMails.text(funding("leroy@erea.example.fr"))).contains(reason);

        String totals = organiser.get("/admin/transport-scolaire/?edition=2026").body();
        assertThat(totals).contains("<th scope=\"row\">Hauts-de-France</th><td>1000 €</td><td>850 €</td><td>300 €</td><td>700 €</td>");
        HttpResponse<String> csv = organiser.get("/admin/transport-scolaire/export.csv?edition=2026");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains("Collège Jean Jaurès", "0590001A", "300").doesNotContain("EREA");
        assertThat(organiser.get("/admin/transport-scolaire/export.csv?edition=deux").statusCode()).isEqualTo(400);
    }

    @Test
    @Order(4)
    void aBackOfficeImportWithABadRowReportsItsLineAndImportsNothing() throws Exception {
        String csv = "Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;Code_commune;Nom_commune;"
                + "latitude;longitude\n"
                + "0590101A;Collège Neuf;Collège;59350;Lille;50.63;3.06\n"
                + "0590102B;Collège sans position;Collège;59350;Lille;;\n";
        PLATFORM.platform().repository().write(session -> { // left running by a node that stopped
            javax.jcr.Node stale = org.apache.jackrabbit.commons.JcrUtils.getOrCreateByPath("/schools/imports/i0-stale",
                    "oak:Unstructured", "oak:Unstructured", session, false);
            stale.setProperty("state", "RUNNING");
            stale.setProperty("updatedAt", 0L);
            return null;
        });
        organiser.get("/admin/ecoles/");
        HttpResponse<String> noFile = upload(new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("id=\"e-file\"");
        organiser.get("/admin/ecoles/");
        assertThat(upload(csv.getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(303);
        await().atMost(Duration.ofSeconds(20)).until(() -> organiser.get("/admin/ecoles/").body().contains("arrêté"));
        String page = organiser.get("/admin/ecoles/").body();
        assertThat(page).contains("2 / 2 lignes lues", "ligne 3 : UAI 0590102B has no position", "rien n&#39;a été importé");
        assertThat(new SchoolDirectory(PLATFORM.platform().repository()).all()).extracting(s -> s.uai())
                .doesNotContain("0590101A").contains("0590001A");
        String staleState = PLATFORM.platform().repository().read(session -> session.getNode("/schools/imports/i0-stale")
                .getProperty("state").getString());
        assertThat(staleState).isEqualTo("FAILED");
    }

    @Test
    @Order(5)
    void schoolContactsArePurgedWhenTheOrganisersChoose() {
        var repository = PLATFORM.platform().repository();
        fr.usinesouvertes.events.schools.SchoolContactsPurge.Result purged =
                new fr.usinesouvertes.events.schools.SchoolContactsPurge(repository).purge(2026);
        assertThat(purged.proposals()).isEqualTo(3);
        assertThat(purged.decisions()).isEqualTo(2);
        assertThat(new SchoolDirectory(repository).all()).allMatch(school -> school.email().isEmpty());
        assertThat(organiser.get("/admin/ecoles/?edition=2026").body())
                .as("the figures stay").contains("<th scope=\"row\">Hauts-de-France</th><td>3</td>");
    }

    private static HttpResponse<String> upload(byte[] file) throws Exception {
        String boundary = "----schools" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + organiser.csrf()
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"annuaire.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(PLATFORM.uri("/admin/ecoles/import"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Cookie", organiser.cookieHeader())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void register(AdminBrowser school, String formPath, String uai, String name, String commune,
                                 String teacher, String email, String amount) {
        String path = formPath.replace("&amp;", "&");
        String csrf = value(school.get(path).body(), "csrf");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", csrf);
        fields.put("schoolName", name);
        fields.put("uai", uai);
        fields.put("commune", commune);
        fields.put("level", "college");
        fields.put("persons", "10");
        fields.put("accompanyingAdults", "1");
        fields.put("teacherName", teacher);
        fields.put("email", email);
        fields.put("phone", "03 20 00 00 00");
        fields.put("transportFunding", "true");
        fields.put("transportAmount", amount);
        fields.put("consent", "true");
        fields.put("website", "");
        HttpResponse<String> done = school.postRaw(path.substring(0, path.indexOf('?')), fields);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
    }

    /** The e-mail about a transport-funding request to {@code address}, or null. */
    private static MimeMessage funding(String address) throws jakarta.mail.MessagingException {
        for (MimeMessage message : SchoolMails.to(SMTP, address)) {
            if (message.getSubject().contains("aide au transport")) {
                return message;
            }
        }
        return null;
    }

    private static String value(String html, String name) {
        Matcher matcher = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as(name + " in " + html).isTrue();
        return matcher.group(1);
    }

    private static List<String> caseIds(String page) {
        Matcher matcher = Pattern.compile("action=\"/admin/transport-scolaire/([^/\"]+)/accorder\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }
}
