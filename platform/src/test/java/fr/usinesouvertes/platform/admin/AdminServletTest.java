package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.module.AdminApp;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The back-office shell over real HTTP: login, dashboard, logout, CSRF, access to apps. */
class AdminServletTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("login-rate-limit", "0")
            .modules(new PressModule());

    /** A module contributing one back-office app. */
    static final class PressModule implements fr.usinesouvertes.platform.module.PlatformModule {
        @Override
        public fr.usinesouvertes.platform.module.ModuleDescriptor descriptor() {
            return fr.usinesouvertes.platform.module.ModuleDescriptor.of("press", "1.0");
        }

        @Override
        public void start(fr.usinesouvertes.platform.module.ModuleContext context) {
            context.admin().app(new AdminApp("press", "Communiqués", "Press releases", Set.of(Role.EDITOR),
                    new EchoServlet()));
            context.web().servlet("/espace-entreprise/*", new SignUpServlet());
            context.web().csrfProtect("/espace-entreprise/*");
        }
    }

    /** A public form outside /admin/, rendered with the back office's layout and protected by the CSRF filter. */
    static final class SignUpServlet extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            AdminViews.render(request, response, "test/signup.ftlh", Map.of("name", "<Usine>"));
        }

        @Override
        protected void doPost(jakarta.servlet.http.HttpServletRequest request,
                              jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("reçu " + request.getParameter("name"));
        }
    }

    static final String PASSWORD = "correct horse battery";

    /** An app servlet answering its path info. */
    static final class EchoServlet extends jakarta.servlet.http.HttpServlet {
        @Override
        protected void doGet(jakarta.servlet.http.HttpServletRequest request,
                             jakarta.servlet.http.HttpServletResponse response) throws java.io.IOException {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("press " + request.getPathInfo() + " for "
                    + fr.usinesouvertes.platform.security.CurrentAccount.require(request).login());
        }
    }

    @BeforeAll
    static void accounts() {
        PLATFORM.platform().accounts().create("editrice@example.fr", "Élise <Éditrice>", PASSWORD.toCharArray(),
                Set.of(Role.EDITOR), null);
        PLATFORM.platform().accounts().create("Usine@Example.fr", "Usine Colas", PASSWORD.toCharArray(),
                Set.of(Role.COMPANY), "colas");
    }

    @Test
    void loginOpensTheDashboardAndLogoutEndsTheSession() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);

        HttpResponse<String> anonymous = browser.get("/admin/");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/admin/login?next=%2Fadmin%2F");

        HttpResponse<String> login = browser.login("editrice@example.fr", PASSWORD);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/admin/");
        String setCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("uo_session=")).findFirst().orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");

        HttpResponse<String> dashboard = browser.get("/admin/");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        assertThat(dashboard.body()).contains("Tableau de bord").contains("Élise &lt;Éditrice&gt;")
                .contains("href=\"/admin/press/\"").contains("Communiqués").contains("Aller au contenu");
        assertThat(dashboard.headers().firstValue("Cache-Control")).hasValue("private, no-store");

        HttpResponse<String> logout = browser.post("/admin/logout", Map.of());
        assertThat(logout.statusCode()).isEqualTo(303);
        assertThat(logout.headers().firstValue("Location")).hasValue("/admin/login");
        assertThat(browser.get("/admin/login").body()).contains("Vous êtes déconnecté(e).");
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(303);
    }

    @Test
    void aLoggedOutCookieIsRefusedEvenWhenReplayed() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.login("editrice@example.fr", PASSWORD);
        String cookie = browser.cookie("uo_session");
        browser.get("/admin/");
        browser.post("/admin/logout", Map.of());

        HttpResponse<String> replayed = PLATFORM.get("/admin/", "Cookie", "uo_session=" + cookie);

        assertThat(replayed.statusCode()).isEqualTo(303);
        assertThat(replayed.headers().allValues("Set-Cookie")).anyMatch(c -> c.startsWith("uo_session=;")
                || c.startsWith("uo_session=\"\";") || c.startsWith("uo_session=") && c.contains("Max-Age=0"));
    }

    @Test
    void wrongPasswordIsRefusedWithAFrenchMessage() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);

        HttpResponse<String> refused = browser.login("editrice@example.fr", "not the password");

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("Adresse e-mail ou mot de passe incorrect.");
        assertThat(browser.cookie("uo_session")).isNull();
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        AdminBrowser browser = AdminBrowser.on(PLATFORM);
        browser.get("/admin/login");

        HttpResponse<String> noToken = browser.postRaw("/admin/login",
                Map.of("login", "editrice@example.fr", "password", PASSWORD));
        HttpResponse<String> wrongToken = browser.postRaw("/admin/login",
                Map.of("login", "editrice@example.fr", "password", PASSWORD, "_csrf", "forged"));

        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(noToken.body()).contains("Requête refusée");
        assertThat(wrongToken.statusCode()).isEqualTo(403);
        assertThat(browser.cookie("uo_session")).isNull();

        browser.login("editrice@example.fr", PASSWORD);
        browser.get("/admin/");
        HttpResponse<String> logoutWithoutToken = browser.postRaw("/admin/logout", Map.of());
        assertThat(logoutWithoutToken.statusCode()).isEqualTo(403);
        assertThat(browser.get("/admin/").statusCode()).isEqualTo(200);
    }

    @Test
    void appsAnswerOnlyAccountsHoldingOneOfTheirRoles() {
        AdminBrowser editor = AdminBrowser.on(PLATFORM);
        editor.login("editrice@example.fr", PASSWORD);
        AdminBrowser company = AdminBrowser.on(PLATFORM);
        company.login("usine@example.fr", PASSWORD);

        HttpResponse<String> allowed = editor.get("/admin/press/2026/annonce");
        HttpResponse<String> forbidden = company.get("/admin/press/2026/annonce");

        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.body()).isEqualTo("press /2026/annonce for editrice@example.fr");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Accès refusé");
        assertThat(company.get("/admin/").body()).doesNotContain("/admin/press/");
    }

    @Test
    void modulePagesOutsideTheBackOfficeRenderWithItsLayoutAndOptInToCsrf() {
        AdminBrowser visitor = AdminBrowser.on(PLATFORM);

        HttpResponse<String> form = visitor.get("/espace-entreprise/inscription");
        HttpResponse<String> forged = visitor.postRaw("/espace-entreprise/inscription", Map.of("name", "Usine"));
        HttpResponse<String> sent = visitor.post("/espace-entreprise/inscription", Map.of("name", "Usine"));

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Inscription entreprise").contains("value=\"&lt;Usine&gt;\"")
                .contains("name=\"_csrf\"");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).isEqualTo("reçu Usine");
    }

    @Test
    void loginSendsOnlyToPathsOfTheBackOffice() {
        assertThat(AdminServlet.safeNext("/admin/press/")).isEqualTo("/admin/press/");
        assertThat(AdminServlet.safeNext("https://evil.example/")).isEqualTo("/admin/");
        assertThat(AdminServlet.safeNext("//evil.example/admin/")).isEqualTo("/admin/");
        assertThat(AdminServlet.safeNext("/admin/\\evil")).isEqualTo("/admin/");
    }

    @Test
    void englishWithLangParameter() {
        HttpResponse<String> page = AdminBrowser.on(PLATFORM).get("/admin/login?lang=en");

        assertThat(page.body()).contains("<html lang=\"en\">").contains("Log in").contains("E-mail address");
    }
}
