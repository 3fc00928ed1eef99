package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.Browser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/** The back office in real Chromium: login, dashboard, accounts and logout, each page checked with axe-core. */
class AdminChromiumTest {

    @RegisterExtension
    @Order(1)
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0");

    @RegisterExtension
    @Order(2)
    static final Browser BROWSER = new Browser();

    @BeforeAll
    static void administrator() {
        PLATFORM.platform().accounts().create("organisation@example.fr", "Organisation", "correct horse battery".toCharArray(),
                Set.of(Role.ADMIN), null);
    }

    @Test
    void anAdministratorLogsInOpensAccountsAndLogsOut() {
        BROWSER.open(PLATFORM.uri("/admin/accounts/"));
        assertThat(BROWSER.title()).startsWith("Connexion");
        BROWSER.assertAccessible();

        BROWSER.find("#login").sendKeys("organisation@example.fr");
        BROWSER.find("#password").sendKeys("correct horse battery");
        BROWSER.find("form.form button[type=submit]").click();

        assertThat(BROWSER.title()).startsWith("Comptes");
        assertThat(BROWSER.find("main table").getText()).contains("organisation@example.fr");
        BROWSER.assertAccessible();

        BROWSER.driver().findElement(By.linkText("Créer un compte")).click();
        assertThat(BROWSER.title()).startsWith("Créer un compte");
        BROWSER.assertAccessible();
        BROWSER.find("#login").sendKeys("pas une adresse");
        BROWSER.find("#displayName").sendKeys("Quelqu'un");
        BROWSER.find("input[name=roles][value=EDITOR]").click();
        BROWSER.find("form.form button[type=submit]").click();
        assertThat(BROWSER.find("#login-error").getText()).contains("adresse e-mail valide");
        BROWSER.assertAccessible();

        BROWSER.find(".who button").click();
        assertThat(BROWSER.title()).startsWith("Connexion");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Vous êtes déconnecté(e).");
        BROWSER.open(PLATFORM.uri("/admin/"));
        assertThat(BROWSER.title()).startsWith("Connexion");
    }
}
