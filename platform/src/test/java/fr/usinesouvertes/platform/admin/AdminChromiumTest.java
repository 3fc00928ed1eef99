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

        BROWSER.submitLogin("organisation@example.fr", "correct horse battery");

        assertThat(BROWSER.title()).startsWith("Comptes");
        assertThat(BROWSER.find("main table").getText()).contains("organisation@example.fr");
        BROWSER.assertAccessible();

        BROWSER.clickAndWait(BROWSER.driver().findElement(By.linkText("Créer un compte")));
        assertThat(BROWSER.title()).startsWith("Créer un compte");
        BROWSER.assertAccessible();
        BROWSER.find("#login").sendKeys("pas une adresse");
        BROWSER.find("#displayName").sendKeys("Quelqu'un");
        BROWSER.find("input[name=roles][value=EDITOR]").click();
        BROWSER.clickAndWait("form.form button[type=submit]");
        assertThat(BROWSER.find("#login-error").getText()).contains("adresse e-mail valide");
        BROWSER.assertAccessible();

        BROWSER.clickAndWait(".who button");
        assertThat(BROWSER.title()).startsWith("Connexion");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Vous êtes déconnecté(e).");
        BROWSER.open(PLATFORM.uri("/admin/"));
        assertThat(BROWSER.title()).startsWith("Connexion");
    }

    @Test
    void anAdministratorChangesAnAccountsRoles() throws java.io.IOException {
        PLATFORM.platform().accounts().create("communication@example.fr", "Communication", "correct horse battery".toCharArray(),
                Set.of(Role.EDITOR), null);
        BROWSER.open(PLATFORM.uri("/admin/accounts/"));
        BROWSER.submitLogin("organisation@example.fr", "correct horse battery");

        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath("//tr[td='communication@example.fr']//a")));
        assertThat(BROWSER.title()).startsWith("Rôles du compte Communication");
        BROWSER.find("input[name=roles][value=PUBLISHER]").click();
        BROWSER.find("input[name=roles][value=EDITOR]").click();
        java.nio.file.Files.write(Path.of("target/admin-roles.png"),
                BROWSER.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        BROWSER.assertAccessible();
        BROWSER.clickAndWait("form.form button[type=submit]");
        assertThat(BROWSER.find(".flash").getText()).isEqualTo("Rôles du compte communication@example.fr : Éditeur-publieur.");
        assertThat(BROWSER.driver().findElement(By.xpath("//tr[td='communication@example.fr']")).getText())
                .contains("Éditeur-publieur");

        BROWSER.clickAndWait(BROWSER.driver().findElement(By.xpath("//tr[td='organisation@example.fr']//a")));
        BROWSER.find("input[name=roles][value=ADMIN]").click();
        BROWSER.find("input[name=roles][value=EDITOR]").click();
        BROWSER.clickAndWait("form.form button[type=submit]");
        assertThat(BROWSER.find("#roles-error").getText()).isEqualTo("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        java.nio.file.Files.write(Path.of("target/admin-roles-refused.png"),
                BROWSER.driver().getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        BROWSER.assertAccessible();

        BROWSER.clickAndWait(".who button");
        assertThat(BROWSER.title()).startsWith("Connexion");
    }
}
