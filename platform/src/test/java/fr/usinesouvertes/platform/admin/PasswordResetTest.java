package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.PasswordLinks;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Password reset by e-mailed link, through a real SMTP server (GreenMail). */
class PasswordResetTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false");

    private static final String OLD = "ancien mot de passe";
    private static final String NEW = "nouveau mot de passe";


    @BeforeAll
    static void account() {
        PLATFORM.platform().accounts().create("communication@example.fr", "Communication", OLD.toCharArray(),
                Set.of(Role.EDITOR), null);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void theMailedLinkSetsANewPasswordOnceAndEndsOlderSessions() throws Exception {
        AdminBrowser earlierSession = AdminBrowser.on(PLATFORM);
        earlierSession.login("communication@example.fr", OLD);
        assertThat(earlierSession.get("/admin/").statusCode()).isEqualTo(200);
        SMTP.purgeEmailFromAllMailboxes();

        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.get("/admin/password-reset");
        HttpResponse<String> requested = browser.post("/admin/password-reset", Map.of("login", "Communication@Example.fr"));
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/login").body()).contains("Si un compte existe pour cette adresse");

        MimeMessage message = LocalSmtp.onlyMessage(SMTP);
        assertThat(message.getAllRecipients()[0].toString()).isEqualTo("communication@example.fr");
        assertThat(message.getSubject()).contains("Réinitialisation").contains("Password reset");
        String path = LocalSmtp.link(message, "/admin/password-reset/").getPath();

        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        HttpResponse<String> mismatch = browser.post(path, Map.of("password", NEW, "confirmation", "autre chose"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("Les deux mots de passe diffèrent.").contains("aria-invalid=\"true\"");
        HttpResponse<String> tooShort = browser.post(path, Map.of("password", "court", "confirmation", "court"));
        assertThat(tooShort.statusCode()).isEqualTo(422);
        assertThat(tooShort.body()).contains("au moins 12 caractères");

        HttpResponse<String> changed = browser.post(path, Map.of("password", NEW, "confirmation", NEW));
        assertThat(changed.statusCode()).isEqualTo(303);
        assertThat(browser.get(path).statusCode()).isEqualTo(410);
        assertThat(browser.post(path, Map.of("password", "un troisième mot", "confirmation", "un troisième mot"))
                .statusCode()).isEqualTo(410);

        Accounts accounts = PLATFORM.platform().accounts();
        assertThat(accounts.authenticate("communication@example.fr", OLD.toCharArray())).isEmpty();
        assertThat(accounts.authenticate("communication@example.fr", NEW.toCharArray())).isPresent();
        assertThat(earlierSession.get("/admin/").statusCode()).isEqualTo(303);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNoMail() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.get("/admin/password-reset");

        HttpResponse<String> requested = browser.post("/admin/password-reset", Map.of("login", "personne@example.fr"));

        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(SMTP.waitForIncomingEmail(500, 1)).isFalse();
    }

    @Test
    void aForgedHostHeaderDoesNotChangeTheMailedLink() throws Exception {
        SMTP.purgeEmailFromAllMailboxes();
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.get("/admin/password-reset");
        String body = "login=communication%40example.fr&_csrf=" + java.net.URLEncoder.encode(browser.csrf(),
                java.nio.charset.StandardCharsets.UTF_8);

        PlatformExtension.RawResponse answer = PLATFORM.rawRequest("POST /admin/password-reset HTTP/1.1\r\n"
                + "Host: evil.example\r\nCookie: " + browser.cookieHeader() + "\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);

        assertThat(answer.status()).isEqualTo(303);
        String mail = LocalSmtp.plainText(LocalSmtp.onlyMessage(SMTP));
        assertThat(mail).doesNotContain("evil.example")
                .contains(PLATFORM.platform().publicUrl().base() + "/admin/password-reset/");
        assertThat(PLATFORM.platform().publicUrl().base()).endsWith(":" + PLATFORM.platform().port()); // listening address
    }

    @Test
    void onlyTheNewestLinkOfAnAccountWorks() {
        PasswordLinks resets = PLATFORM.platform().security().passwordLinks();
        String older = resets.issue("communication@example.fr", PasswordLinks.Kind.RESET).orElseThrow();
        String newer = resets.issue("communication@example.fr", PasswordLinks.Kind.RESET).orElseThrow();

        assertThat(resets.loginOf(older, PasswordLinks.Kind.RESET)).isEmpty();
        assertThat(resets.use(older, PasswordLinks.Kind.RESET, "mot de passe de l'intrus".toCharArray())).isEmpty();
        assertThat(resets.loginOf(newer, PasswordLinks.Kind.RESET)).hasValue("communication@example.fr");
        String password = PLATFORM.platform().accounts().authenticate("communication@example.fr", OLD.toCharArray())
                .isPresent() ? OLD : NEW;
        assertThat(resets.use(newer, PasswordLinks.Kind.RESET, password.toCharArray())).hasValue("communication@example.fr");
        assertThat(resets.loginOf(newer, PasswordLinks.Kind.RESET)).isEmpty();
    }

    @Test
    void tokensExpireAfterAnHourAndAreStoredOnlyHashed() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        PasswordLinks resets = new PasswordLinks(PLATFORM.platform().repository(), PLATFORM.platform().accounts(), clock,
                Duration.ofDays(7));
        String token = resets.issue("communication@example.fr", PasswordLinks.Kind.RESET).orElseThrow();

        assertThat(resets.loginOf(token, PasswordLinks.Kind.RESET)).hasValue("communication@example.fr");
        assertThat(PLATFORM.platform().repository().<Boolean>read(session ->
                session.getNode("/config/security/password-resets").getNodes().nextNode().getName().equals(token)))
                .isFalse();
        clock.advance(Duration.ofMinutes(61));
        assertThat(resets.loginOf(token, PasswordLinks.Kind.RESET)).isEmpty();
        assertThat(resets.use(token, PasswordLinks.Kind.RESET, "encore un autre mot".toCharArray())).isEmpty();
    }
}
