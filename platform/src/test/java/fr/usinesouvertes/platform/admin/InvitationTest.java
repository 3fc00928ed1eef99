package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.PasswordLinks;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.security.SecuritySettings;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Invitations of new accounts, through a real SMTP server (GreenMail): the e-mail, its link and the welcome page. */
class InvitationTest {

    static final GreenMail SMTP = LocalSmtp.start();
    private static final String PUBLIC_URL = "https://usines-ouvertes.example";

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0")
            .setting("public-url", PUBLIC_URL)
            .setting("invitation-validity-days", "10")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false");

    private static final String ADMIN_PASSWORD = "correct horse battery";
    private static final String CHOSEN = "mon tout premier mot de passe";


    @BeforeAll
    static void administrator() {
        PLATFORM.platform().accounts().create("organisation@example.fr", "Camille Organisatrice",
                ADMIN_PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    private static AdminBrowser admin() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        assertThat(browser.login("organisation@example.fr", ADMIN_PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    /** Creates an account without password as an administrator would, and returns the mailed invitation. */
    private static MimeMessage invite(String login, String name, String role) throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        AdminBrowser admin = admin();
        admin.get("/admin/accounts/new");
        HttpResponse<String> created = admin.post("/admin/accounts/new", Map.of("login", login, "displayName", name,
                "roles", role, "password", ""));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(admin.get("/admin/accounts/").body()).contains("Une invitation à choisir son mot de passe lui a été envoyée.");
        return LocalSmtp.onlyMessage(SMTP);
    }

    /** The path of the invitation's link, which is on public-url whatever address the request came to. */
    private static String linkPath(MimeMessage message) {
        URI link = LocalSmtp.link(message, "/admin/invitation/");
        assertThat(link.toString()).startsWith(PUBLIC_URL + "/");
        return link.getPath();
    }

    @Test
    void theInvitationSaysWhatItIsInFrenchThenEnglishWithALinkOnThePublicAddress() throws Exception {
        MimeMessage message = invite("redaction@example.fr", "Dominique Rédaction", "EDITOR");

        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("redaction@example.fr");
        assertThat(message.getSubject()).startsWith("Invitation à l'administration").contains("Invitation to the")
                .doesNotContain("Réinitialisation").doesNotContain("reset");
        String body = LocalSmtp.plainText(message);
        assertThat(body).contains("Camille Organisatrice vous invite").contains("Votre rôle : Rédacteur")
                .contains("dans les 10 jours").contains("within 10 days").contains("Your role: Editor")
                .doesNotContain("réinitialisation").doesNotContain("reset");
        assertThat(body.indexOf("Bonjour Dominique")).isLessThan(body.indexOf("Hello Dominique"));
        linkPath(message); // on public-url, whatever address the request came to
    }

    @Test
    void theLinkWelcomesTheInvitedPersonWhoChoosesAPasswordOnceAndLogsIn() throws Exception {
        String path = linkPath(invite("nouvelle@example.fr", "Alex Nouvelle", "PUBLISHER"));
        AdminBrowser invited = AdminBrowser.on(PLATFORM);

        HttpResponse<String> welcome = invited.get(path);
        assertThat(welcome.statusCode()).isEqualTo(200);
        Document page = Jsoup.parse(welcome.body());
        assertThat(page.title()).startsWith("Bienvenue");
        assertThat(page.select("main").text()).contains("Bonjour Alex Nouvelle").contains("Éditeur-publieur");
        assertThat(page.select("#username").val()).isEqualTo("nouvelle@example.fr");
        assertThat(Jsoup.parse(invited.get(path + "?lang=en").body()).select("main").text()).contains("Welcome")
                .contains("Publisher");

        HttpResponse<String> mismatch = invited.post(path, Map.of("password", CHOSEN, "confirmation", "autre chose"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(mismatch.body()).select("#confirmation-error").text()).isEqualTo("Les deux mots de passe diffèrent.");
        HttpResponse<String> tooShort = invited.post(path, Map.of("password", "court", "confirmation", "court"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(tooShort.body()).select("#password-error").text()).contains("au moins 12 caractères");
        assertThat(invited.postRaw(path, Map.of("password", CHOSEN, "confirmation", CHOSEN)).statusCode()).isEqualTo(403);

        HttpResponse<String> chosen = invited.post(path, Map.of("password", CHOSEN, "confirmation", CHOSEN));
        assertThat(chosen.statusCode()).isEqualTo(303);
        assertThat(chosen.headers().firstValue("Location")).hasValue("/admin/login?login=nouvelle%40example.fr");
        Document login = Jsoup.parse(invited.get("/admin/login?login=nouvelle%40example.fr").body());
        assertThat(login.select(".flash").text()).startsWith("Votre mot de passe est enregistré.");
        assertThat(login.select("#login").val()).isEqualTo("nouvelle@example.fr");
        assertThat(invited.login("nouvelle@example.fr", CHOSEN).statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(invited.get("/admin/").body()).select("main").text()).contains("Votre rôle : Éditeur-publieur");

        assertThat(AdminBrowser.on(PLATFORM).get(path).statusCode()).isEqualTo(410);
        Document list = Jsoup.parse(admin().get("/admin/accounts/").body());
        assertThat(list.select("tr:contains(nouvelle@example.fr) td.last-login").text()).isNotEqualTo("jamais");
    }

    @Test
    void invitationAndResetLinksEachWorkOnTheirOwnPageAndAResetDoesNotVoidAnInvitation() throws Exception {
        String invitation = linkPath(invite("double@example.fr", "Double", "EDITOR")).substring("/admin/invitation/".length());
        PasswordLinks links = PLATFORM.platform().security().passwordLinks();
        String reset = links.issue("double@example.fr", PasswordLinks.Kind.RESET).orElseThrow();

        AdminBrowser anyone = AdminBrowser.on(PLATFORM);
        assertThat(anyone.get("/admin/invitation/" + invitation).statusCode()).isEqualTo(200);
        assertThat(anyone.get("/admin/password-reset/" + invitation).statusCode()).isEqualTo(410);
        assertThat(anyone.get("/admin/invitation/" + reset).statusCode()).isEqualTo(410);
        assertThat(anyone.get("/admin/invitation/pas-un-jeton").statusCode()).isEqualTo(410);
        assertThat(Jsoup.parse(anyone.get("/admin/invitation/pas-un-jeton").body()).title()).startsWith("Invitation expirée");

        assertThat(links.use(reset, PasswordLinks.Kind.RESET, CHOSEN.toCharArray())).hasValue("double@example.fr");
        assertThat(links.loginOf(invitation, PasswordLinks.Kind.INVITATION)).isEmpty(); // using one spends all
    }

    @Test
    void anInvitationWorksForTheConfiguredDaysAndResetLinksStayAnHour() {
        assertThat(SecuritySettings.INVITATION_VALIDITY_DAYS.defaultValue()).isEqualTo("7");
        assertThat(PLATFORM.platform().security().passwordLinks().validity(PasswordLinks.Kind.INVITATION))
                .isEqualTo(Duration.ofDays(10));
        Accounts accounts = PLATFORM.platform().accounts();
        accounts.create("lente@example.fr", "Lente", "un mot de passe provisoire".toCharArray(), Set.of(Role.EDITOR), null);
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        PasswordLinks links = new PasswordLinks(PLATFORM.platform().repository(), accounts, clock, Duration.ofDays(7));
        String invitation = links.issue("lente@example.fr", PasswordLinks.Kind.INVITATION).orElseThrow();
        String reset = links.issue("lente@example.fr", PasswordLinks.Kind.RESET).orElseThrow();

        clock.advance(Duration.ofMinutes(61));
        assertThat(links.loginOf(reset, PasswordLinks.Kind.RESET)).isEmpty();
        clock.advance(Duration.ofDays(6));
        assertThat(links.loginOf(invitation, PasswordLinks.Kind.INVITATION)).hasValue("lente@example.fr");
        clock.advance(Duration.ofDays(1));
        assertThat(links.loginOf(invitation, PasswordLinks.Kind.INVITATION)).isEmpty();
        assertThat(links.use(invitation, PasswordLinks.Kind.INVITATION, CHOSEN.toCharArray())).isEmpty();
    }

    @Test
    void anAdministratorSendsTheInvitationAgainAndOnlyTheNewestWorks() throws Exception {
        String first = linkPath(invite("relance@example.fr", "Relance", "EDITOR"));
        SMTP.purgeEmailFromAllMailboxes();
        AdminBrowser admin = admin();
        admin.get("/admin/accounts/");

        HttpResponse<String> again = admin.post("/admin/accounts/invitation", Map.of("login", "relance@example.fr"));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(Jsoup.parse(admin.get("/admin/accounts/").body()).select(".flash").text())
                .isEqualTo("Invitation envoyée à relance@example.fr.");
        String second = linkPath(LocalSmtp.onlyMessage(SMTP));
        assertThat(AdminBrowser.on(PLATFORM).get(first).statusCode()).isEqualTo(410);
        assertThat(AdminBrowser.on(PLATFORM).get(second).statusCode()).isEqualTo(200);
    }
}
