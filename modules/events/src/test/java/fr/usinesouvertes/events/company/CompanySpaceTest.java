package fr.usinesouvertes.events.company;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.LocalSmtp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole company journey over real HTTP, with the site's light modules and GreenMail: sign-up with
 * e-mail verification, a site and an event sheet created and submitted in the company space, approved by
 * an organiser in the moderation app, then on the public site and in the Delivery API.
 */
class CompanySpaceTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("../../light-modules").toAbsolutePath().normalize())
            .inMemory()
            .setting("clock", "2025-10-01T10:00:00+02:00")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false")
            .setting("public-url", "https://journees.example.fr")
            .modules(new EventsModule());

    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern LINK = Pattern.compile("https://journees\\.example\\.fr(/espace-entreprise/verification/[A-Za-z0-9._-]+)");

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void aCompanySignsUpCreatesASiteAndASheetThatAnOrganiserApprovesAndThePublicThenSees() throws Exception {
        AdminBrowser visitor = AdminBrowser.on(PLATFORM);
        HttpResponse<String> form = visitor.get("/espace-entreprise/inscription");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Inscrire votre entreprise", "name=\"siret\"");

        Map<String, String> fields = new HashMap<>(CompanySignUpValidatorTest.valid());
        fields.put("region", "Hauts-de-France");
        fields.put("email", "camille@fonderie-nord.example.fr");
        fields.put("siret", "73282932000075");
        fields.put("password", "Forge-Ardente-2026");
        fields.put("csrf", csrf(form));
        HttpResponse<String> invalid = visitor.postRaw("/espace-entreprise/inscription", fields);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("id=\"e-siret\"", "Numéro SIRET invalide").doesNotContain("Forge-Ardente-2026");

        fields.put("siret", "732 829 320 00074");
        fields.put("csrf", csrf(invalid));
        HttpResponse<String> sent = visitor.postRaw("/espace-entreprise/inscription", fields);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("camille@fonderie-nord.example.fr");
        assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage mail = SMTP.getReceivedMessages()[0];
        assertThat(mail.getSubject()).startsWith("Confirmez l'inscription de votre entreprise");
        Matcher link = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
        assertThat(link.find()).isTrue();
        assertThat(PLATFORM.platform().accounts().find("camille@fonderie-nord.example.fr")).isEmpty();

        HttpResponse<String> confirm = visitor.get(link.group(1));
        assertThat(confirm.statusCode()).isEqualTo(200);
        HttpResponse<String> activated = visitor.postRaw(link.group(1), Map.of("csrf", csrf(confirm)));
        assertThat(activated.statusCode()).isEqualTo(200);
        assertThat(activated.body()).contains("Compte activé");
        assertThat(visitor.postRaw(link.group(1), Map.of("csrf", csrf(confirm))).statusCode()).isEqualTo(404);
        assertThat(PLATFORM.platform().accounts().find("camille@fonderie-nord.example.fr").orElseThrow().company())
                .isEqualTo("fonderie-de-santes");

        AdminBrowser company = AdminBrowser.on(PLATFORM);
        assertThat(company.login("camille@fonderie-nord.example.fr", "Forge-Ardente-2026").statusCode()).isEqualTo(303);
        assertThat(company.get("/admin/entreprise/").body()).contains("Fonderie de Santes", "Nouveau site");
        company.get("/admin/entreprise/sites/nouveau");
        HttpResponse<String> badSite = company.post("/admin/entreprise/sites/nouveau", Map.of("name", "Fonderie"));
        assertThat(badSite.statusCode()).isEqualTo(400);
        assertThat(badSite.body()).contains("id=\"e-commune\"", "Ce champ est obligatoire.");
        HttpResponse<String> created = company.post("/admin/entreprise/sites/nouveau",
                CompanyFixtures.siteValues("Fonderie de Santes", "Santes", "Hauts-de-France"));
        assertThat(created.statusCode()).isEqualTo(303);
        String sheetPage = created.headers().firstValue("Location").orElseThrow();
        String slug = sheetPage.replaceAll(".*/sites/([^/]+)/fiche", "$1");
        assertThat(company.get(sheetPage).body()).contains("vendredi 20 mars 2026");
        assertThat(company.post(sheetPage, CompanyFixtures.sheetValues()).statusCode()).isEqualTo(303);
        company.get(sheetPage);
        assertThat(company.post(sheetPage + "/soumettre", Map.of()).statusCode()).isEqualTo(303);
        assertThat(company.get(sheetPage).body()).contains("En attente de validation");
        assertThat(PLATFORM.get("/.rest/delivery/events/v1?site=" + slug).body()).contains("\"total\":0");
        assertThat(company.get("/admin/moderation/").statusCode()).isEqualTo(403);

        PLATFORM.platform().accounts().create("orga@arts-et-metiers.example.fr", "Organisatrice",
                "Moderation-2026-ok".toCharArray(), Set.of(Role.ADMIN), null);
        AdminBrowser organiser = AdminBrowser.on(PLATFORM);
        organiser.login("orga@arts-et-metiers.example.fr", "Moderation-2026-ok");
        HttpResponse<String> queue = organiser.get("/admin/moderation/");
        assertThat(queue.statusCode()).isEqualTo(200);
        assertThat(queue.body()).contains("Fonderie de Santes", "Poste de garde", "chiffres de l", "vendredi 20 mars 2026, 09:30–11:30");
        assertThat(organiser.post("/admin/moderation/2026/" + slug + "/approuver", Map.of()).statusCode()).isEqualTo(303);

        assertThat(PLATFORM.get("/.rest/delivery/events/v1?site=" + slug).body()).contains("\"total\":1", "Poste de garde");
        HttpResponse<String> publicPage = PLATFORM.get("/usines/" + slug);
        assertThat(publicPage.statusCode()).isEqualTo(200);
        assertThat(publicPage.body()).contains("Fonderie de Santes").doesNotContain("<script>alert(1)");
        assertThat(company.get(sheetPage).body()).contains("Publiée");
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = CSRF.matcher(page.body());
        assertThat(matcher.find()).as("CSRF field in the page").isTrue();
        return matcher.group(1);
    }
}
