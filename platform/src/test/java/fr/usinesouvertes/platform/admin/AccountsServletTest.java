package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The accounts app: administrators only; create with validation next to the fields, disable, reset link. */
class AccountsServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0");

    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void accounts() {
        PLATFORM.platform().accounts().create("admin@example.fr", "Admin", PASSWORD.toCharArray(), Set.of(Role.ADMIN), null);
        PLATFORM.platform().accounts().create("editeur@example.fr", "Éditeur", PASSWORD.toCharArray(), Set.of(Role.EDITOR), null);
    }

    private static AdminBrowser admin() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        assertThat(browser.login("admin@example.fr", PASSWORD).statusCode()).isEqualTo(303);
        return browser;
    }

    @Test
    void onlyAdministratorsOpenTheApp() {
        AdminBrowser editor = AdminBrowser.on(PLATFORM);
        editor.login("editeur@example.fr", PASSWORD);

        assertThat(editor.get("/admin/accounts/").statusCode()).isEqualTo(403);
        HttpResponse<String> list = admin().get("/admin/accounts/");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("editeur@example.fr").contains("EDITOR").contains("Créer un compte");
    }

    @Test
    void badInputIsShownNextToTheFieldAndNothingIsCreated() {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/new");

        HttpResponse<String> badLogin = browser.post("/admin/accounts/new", Map.of("login", "pas-une-adresse",
                "displayName", "X", "roles", "EDITOR", "password", PASSWORD));
        HttpResponse<String> noCompany = browser.post("/admin/accounts/new", Map.of("login", "usine@example.fr",
                "displayName", "Usine", "roles", "COMPANY", "password", PASSWORD));

        assertThat(badLogin.statusCode()).isEqualTo(422);
        assertThat(badLogin.body()).contains("id=\"login-error\"").contains("L&#39;identifiant doit être une adresse e-mail valide.")
                .contains("aria-invalid=\"true\"").contains("value=\"pas-une-adresse\"");
        assertThat(noCompany.statusCode()).isEqualTo(422);
        assertThat(noCompany.body()).contains("id=\"company-error\"");
        assertThat(PLATFORM.platform().accounts().exists("usine@example.fr")).isFalse();
    }

    @Test
    void aCreatedAccountLogsInAndADisabledOneIsLoggedOut() {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/new");
        HttpResponse<String> created = browser.post("/admin/accounts/new", Map.of("login", "Usine.B@Example.fr",
                "displayName", "Usine B", "roles", "COMPANY", "company", "usine-b", "password", PASSWORD));
        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/accounts/").body()).contains("Compte usine.b@example.fr créé.").contains("usine-b");

        AdminBrowser company = AdminBrowser.on(PLATFORM);
        assertThat(company.login("usine.b@example.fr", PASSWORD).statusCode()).isEqualTo(303);
        assertThat(company.get("/admin/").statusCode()).isEqualTo(200);

        browser.get("/admin/accounts/");
        assertThat(browser.post("/admin/accounts/disable", Map.of("login", "usine.b@example.fr")).statusCode()).isEqualTo(303);

        assertThat(company.get("/admin/").statusCode()).isEqualTo(303);
        assertThat(AdminBrowser.on(PLATFORM).login("usine.b@example.fr", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(browser.get("/admin/accounts/").body()).contains("désactivé");
    }

    @Test
    void anAccountCreatedWithoutPasswordGetsALinkToChooseOne() throws IOException {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/new");

        HttpResponse<String> created = browser.post("/admin/accounts/new", Map.of("login", "publication@example.fr",
                "displayName", "Publication", "roles", "PUBLISHER", "password", ""));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/accounts/").body()).contains("Un lien pour choisir son mot de passe lui a été envoyé.");
        try (Stream<Path> mails = Files.list(PLATFORM.dataFolder().resolve("outbox"))) {
            assertThat(mails.map(AccountsServletTest::read)).anyMatch(mail -> mail.contains("publication@example.fr")
                    && mail.contains("/admin/password-reset/"));
        }
    }

    @Test
    void administratorsCannotDisableThemselves() {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/");

        browser.post("/admin/accounts/disable", Map.of("login", "admin@example.fr"));

        assertThat(browser.get("/admin/accounts/").body()).contains("Vous ne pouvez pas désactiver votre propre compte.");
        assertThat(PLATFORM.platform().accounts().isDisabled("admin@example.fr")).isFalse();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
