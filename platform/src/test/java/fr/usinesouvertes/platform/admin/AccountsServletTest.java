package fr.usinesouvertes.platform.admin;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The accounts app: administrators only; create with validation next to the fields, roles with French names and
 * changed with their rules, last logins, disable, reset link and invitation.
 */
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
        assertThat(list.body()).contains("editeur@example.fr").contains("Créer un compte");
    }

    @Test
    void rolesHaveFrenchNamesAndEnglishOnesInTheEnglishBackOffice() {
        AdminBrowser browser = admin();

        Document french = Jsoup.parse(browser.get("/admin/accounts/").body());
        Document english = Jsoup.parse(browser.get("/admin/accounts/?lang=en").body());
        Document form = Jsoup.parse(browser.get("/admin/accounts/new").body());

        assertThat(row(french, "editeur@example.fr").select("td").get(2).text()).isEqualTo("Rédacteur");
        assertThat(row(french, "admin@example.fr").select("td").get(2).text()).isEqualTo("Administrateur");
        assertThat(row(english, "editeur@example.fr").select("td").get(2).text()).isEqualTo("Editor");
        assertThat(form.select("fieldset label").eachText())
                .containsExactly("Administrateur", "Rédacteur", "Éditeur-publieur", "Entreprise");
        assertThat(french.select(".who .roles").text()).isEqualTo("(Administrateur)");
        assertThat(french.text()).doesNotContain("EDITOR").doesNotContain("PUBLISHER");
    }

    @Test
    void anAdministratorChangesRolesWithALogLine() {
        PLATFORM.platform().accounts().create("changer@example.fr", "À changer", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        AdminBrowser browser = admin();
        Document form = Jsoup.parse(browser.get("/admin/accounts/roles?login=changer%40example.fr").body());
        assertThat(form.select("input[name=roles]").eachAttr("value")).containsExactly("ADMIN", "EDITOR", "PUBLISHER");
        assertThat(form.select("input[name=roles][checked]").eachAttr("value")).containsExactly("EDITOR");

        HttpResponse<String> withoutToken = browser.postRaw("/admin/accounts/roles",
                Map.of("login", "changer@example.fr", "roles", "ADMIN"));
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        HttpResponse<String> changed;
        try (LogCapture log = LogCapture.of(AccountsServlet.class, Level.INFO)) {
            changed = browser.post("/admin/accounts/roles", Map.of("login", "changer@example.fr", "roles", "PUBLISHER"));
            assertThat(log.events()).extracting(ILoggingEvent::getFormattedMessage)
                    .contains("Roles of changer@example.fr changed from [EDITOR] to [PUBLISHER] by admin@example.fr");
        }

        assertThat(changed.statusCode()).isEqualTo(303);
        Document list = Jsoup.parse(browser.get("/admin/accounts/").body());
        assertThat(list.select(".flash").text()).isEqualTo("Rôles du compte changer@example.fr : Éditeur-publieur.");
        assertThat(row(list, "changer@example.fr").select("td").get(2).text()).isEqualTo("Éditeur-publieur");
        assertThat(PLATFORM.platform().accounts().find("changer@example.fr").orElseThrow().roles())
                .containsExactly(Role.PUBLISHER);
    }

    @Test
    void badRoleChangesAnswer422NamingTheField() {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/roles?login=admin%40example.fr");

        HttpResponse<String> ownRole = browser.post("/admin/accounts/roles", Map.of("login", "admin@example.fr",
                "roles", "EDITOR"));
        HttpResponse<String> none = browser.post("/admin/accounts/roles", Map.of("login", "editeur@example.fr"));
        HttpResponse<String> unknownRole = browser.post("/admin/accounts/roles", Map.of("login", "editeur@example.fr",
                "roles", "ROOT"));
        HttpResponse<String> english = browser.post("/admin/accounts/roles?lang=en", Map.of("login", "admin@example.fr",
                "roles", "EDITOR"));
        HttpResponse<String> unknownAccount = browser.post("/admin/accounts/roles", Map.of("login", "personne@example.fr",
                "roles", "EDITOR"));

        assertThat(ownRole.statusCode()).isEqualTo(422);
        Document page = Jsoup.parse(ownRole.body());
        assertThat(page.select("#roles-error").text()).isEqualTo("Vous ne pouvez pas retirer votre propre rôle d'administrateur.");
        assertThat(page.select("fieldset").attr("aria-describedby")).isEqualTo("roles-error");
        assertThat(page.select("input[name=roles][checked]").eachAttr("value")).containsExactly("EDITOR");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(none.body()).select("#roles-error").text()).isEqualTo("Choisissez au moins un rôle.");
        assertThat(unknownRole.statusCode()).isEqualTo(422);
        assertThat(Jsoup.parse(english.body()).select("#roles-error").text())
                .isEqualTo("You cannot remove your own administrator role.");
        assertThat(unknownAccount.statusCode()).isEqualTo(404);
        assertThat(PLATFORM.platform().accounts().find("admin@example.fr").orElseThrow().roles()).containsExactly(Role.ADMIN);
        assertThat(PLATFORM.platform().accounts().find("editeur@example.fr").orElseThrow().roles()).containsExactly(Role.EDITOR);
    }

    @Test
    void theListShowsEachAccountsLastLoginInTheSiteTimeZone() {
        PLATFORM.platform().accounts().create("jamais@example.fr", "Jamais venu", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        AdminBrowser browser = admin();
        java.time.Instant loggedIn = PLATFORM.platform().accounts().lastLogin("admin@example.fr").orElseThrow();

        Document list = Jsoup.parse(browser.get("/admin/accounts/").body());
        Document english = Jsoup.parse(browser.get("/admin/accounts/?lang=en").body());

        java.time.ZonedDateTime paris = loggedIn.atZone(java.time.ZoneId.of("Europe/Paris"));
        assertThat(row(list, "admin@example.fr").select("td.last-login").text())
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").format(paris));
        assertThat(row(list, "admin@example.fr").select("td.last-login time").attr("datetime"))
                .isEqualTo(paris.toOffsetDateTime().toString());
        assertThat(row(english, "admin@example.fr").select("td.last-login").text())
                .isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(paris));
        assertThat(row(list, "jamais@example.fr").select("td.last-login").text()).isEqualTo("jamais");
        assertThat(row(english, "jamais@example.fr").select("td.last-login").text()).isEqualTo("never");
        assertThat(row(list, "jamais@example.fr").select("button").eachText()).contains("Renvoyer l'invitation à jamais@example.fr");
        assertThat(row(list, "admin@example.fr").select("button").eachText())
                .noneMatch(text -> text.startsWith("Renvoyer l'invitation"));
    }

    private static org.jsoup.nodes.Element row(Document list, String login) {
        return list.select("table.accounts tbody tr").stream()
                .filter(tr -> tr.selectFirst("td").text().equals(login)).findFirst().orElseThrow();
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
    void anAccountCreatedWithoutPasswordGetsAnInvitationToChooseOne() throws IOException {
        AdminBrowser browser = admin();
        browser.get("/admin/accounts/new");

        HttpResponse<String> created = browser.post("/admin/accounts/new", Map.of("login", "publication@example.fr",
                "displayName", "Publication", "roles", "PUBLISHER", "password", ""));

        assertThat(created.statusCode()).isEqualTo(303);
        assertThat(browser.get("/admin/accounts/").body())
                .contains("Une invitation à choisir son mot de passe lui a été envoyée.");
        try (Stream<Path> mails = Files.list(PLATFORM.dataFolder().resolve("outbox"))) {
            assertThat(mails.map(AccountsServletTest::read)).anyMatch(mail -> mail.contains("publication@example.fr")
                    && mail.contains("/admin/invitation/") && !mail.contains("/admin/password-reset/"));
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
