package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.LocalSmtp;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * In real Chromium: an administrator invites a new editor from the accounts app; the invitation arrives by SMTP
 * (GreenMail); the editor opens its link, is welcomed, chooses a password and logs in with it. Each page is checked
 * with axe-core; screenshots go to {@code target/screenshots/invitation-*.png}.
 */
class InvitationChromiumTest {

    static final GreenMail SMTP = LocalSmtp.start();

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0")
            .setting("smtp-host", "127.0.0.1")
            .setting("smtp-port", String.valueOf(SMTP.getSmtp().getPort()))
            .setting("smtp-starttls", "false");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    private static final String CHOSEN = "le mot de passe de Sacha, bien long";


    @BeforeAll
    static void administrator() {
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", "correct horse battery".toCharArray(),
                Set.of(Role.ADMIN), null);
    }

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void anInvitedEditorSetsAPasswordAndLogsIn() throws Exception {
        BROWSER.open(PLATFORM.uri("/admin/accounts/new"));
        BROWSER.submitLogin("organisation@example.fr", "correct horse battery");
        assertThat(BROWSER.title()).startsWith("Créer un compte");
        BROWSER.find("#login").sendKeys("sacha.redaction@example.fr");
        BROWSER.find("#displayName").sendKeys("Sacha Rédaction");
        BROWSER.find("input[name=roles][value=EDITOR]").click();
        screenshot("1-create");
        BROWSER.clickAndWait("form.form button[type=submit]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Compte sacha.redaction@example.fr créé. "
                + "Une invitation à choisir son mot de passe lui a été envoyée.");
        assertThat(BROWSER.driver().findElement(By.xpath("//tr[td='sacha.redaction@example.fr']")).getText())
                .contains("Rédacteur").contains("jamais");
        screenshot("2-accounts");
        BROWSER.assertAccessible();
        BROWSER.clickAndWait(".who button"); // the administrator logs out: the invited editor uses this browser

        URI link = LocalSmtp.link(LocalSmtp.onlyMessage(SMTP), "/admin/invitation/");
        BROWSER.open(link);
        assertThat(BROWSER.title()).startsWith("Bienvenue");
        assertThat(BROWSER.find("main").getText()).contains("Bonjour Sacha Rédaction").contains("Rédacteur");
        assertThat(BROWSER.find("#username").getAttribute("value")).isEqualTo("sacha.redaction@example.fr");
        BROWSER.assertAccessible();
        BROWSER.find("#password").sendKeys(CHOSEN);
        BROWSER.find("#confirmation").sendKeys("pas le même mot de passe");
        BROWSER.clickAndWait("form.form button[type=submit]");
        assertThat(BROWSER.find("#confirmation-error").getText()).isEqualTo("Les deux mots de passe diffèrent.");
        BROWSER.assertAccessible();
        BROWSER.find("#password").sendKeys(CHOSEN);
        BROWSER.find("#confirmation").sendKeys(CHOSEN);
        screenshot("3-welcome");
        BROWSER.clickAndWait("form.form button[type=submit]");

        assertThat(BROWSER.title()).startsWith("Connexion");
        assertThat(BROWSER.find(".flash").getText()).startsWith("Votre mot de passe est enregistré.");
        assertThat(BROWSER.find("#login").getAttribute("value")).isEqualTo("sacha.redaction@example.fr");
        screenshot("4-login");
        BROWSER.find("#password").sendKeys(CHOSEN);
        BROWSER.clickAndWait("form.form button[type=submit]");

        assertThat(BROWSER.title()).startsWith("Tableau de bord");
        assertThat(BROWSER.find("main").getText()).contains("Bonjour Sacha Rédaction. Votre rôle : Rédacteur.");
        screenshot("5-dashboard");
        BROWSER.assertAccessible();
        BROWSER.open(link);
        assertThat(BROWSER.title()).startsWith("Invitation expirée");
    }

    private static void screenshot(String name) throws IOException {
        BROWSER.screenshot("invitation-" + name);
    }
}
