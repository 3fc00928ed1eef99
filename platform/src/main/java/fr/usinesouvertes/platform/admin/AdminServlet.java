package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.publishing.ReviewRequests;
import fr.usinesouvertes.platform.security.Role;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.AuthenticationFilter;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.LoginThrottle;
import fr.usinesouvertes.platform.security.WebSessions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The back-office shell at {@code /admin/*}: login, logout, the dashboard (menu of apps) and its style
 * sheet and scripts. Apps answer their own paths ({@code /admin/<name>/*}); the password reset has its own servlet.
 */
public final class AdminServlet extends BackOfficeServlet {

    private static final Logger LOG = LoggerFactory.getLogger(AdminServlet.class);
    /** The back office's own files: path to content type; served from {@code admin-templates/admin/static/}. */
    private static final Map<String, String> STATIC = Map.of("/static/admin.css", "text/css;charset=UTF-8",
            "/static/assets.js", "text/javascript;charset=UTF-8",
            "/static/page-editor.js", "text/javascript;charset=UTF-8",
            "/static/page-editor-bars.js", "text/javascript;charset=UTF-8",
            "/static/focal-point.js", "text/javascript;charset=UTF-8",
            "/static/picker-search.js", "text/javascript;charset=UTF-8",
            "/static/page-editor-frame.css", "text/css;charset=UTF-8",
            "/static/rich-text.js", "text/javascript;charset=UTF-8",
            "/static/tinymce-fr.js", "text/javascript;charset=UTF-8");

    private final transient Accounts accounts;
    private final transient WebSessions sessions;
    private final transient LoginThrottle throttle;

    private final transient ReviewRequests reviews;

    /** {@code reviews}: counted on the dashboard, or {@code null}. */
    public AdminServlet(Accounts accounts, WebSessions sessions, LoginThrottle throttle, ReviewRequests reviews) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.reviews = reviews;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) ->
                        AdminViews.render(request, response, "admin/dashboard.ftlh", dashboard(request)))
                .get("/login", (request, response, route) -> loginPage(request, response))
                .get(EditorFiles.PREFIX + "{path...}", (request, response, route) -> EditorFiles.serve(response, route.get("path")))
                .get("/static/{file}", (request, response, route) -> staticFile(request, response, "/static/" + route.get("file")))
                .post("/login", (request, response, route) -> login(request, response))
                .post("/logout", (request, response, route) -> {
                    AuthenticationFilter.sessionToken(request).ifPresent(token -> sessions.close(token, request, response));
                    AdminViews.flash(request, "en".equals(AdminViews.lang(request))
                            ? "You are logged out." : "Vous êtes déconnecté(e).");
                    AdminViews.redirect(response, "/admin/login");
                })
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getPathInfo() == null) {
            AdminViews.redirect(response, "/admin/");
        } else {
            super.doGet(request, response);
        }
    }

    private static void loginPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (CurrentAccount.of(request).isPresent()) {
            AdminViews.redirect(response, safeNext(request.getParameter("next")));
            return;
        }
        renderLogin(request, response, null, Optional.ofNullable(request.getParameter("login")).orElse("").trim());
    }

    /**
     * The dashboard's counts of review requests waiting: all of them for publishers and administrators, their own
     * for editors; absent when there are none.
     */
    private Map<String, Object> dashboard(HttpServletRequest request) {
        Map<String, Object> model = new HashMap<>();
        Optional<Account> account = CurrentAccount.of(request);
        if (reviews == null || account.isEmpty() || !account.get().isStaff()) {
            return model;
        }
        boolean publisher = account.get().has(Role.PUBLISHER) || account.get().has(Role.ADMIN);
        long pending = reviews.pending().stream().filter(r -> reviews.visibleTo(account.get(), r)).count();
        model.put("pendingReviews", pending);
        model.put("reviewer", publisher);
        return model;
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String login = request.getParameter("login") == null ? "" : request.getParameter("login").trim();
        String password = request.getParameter("password");
        String address = request.getRemoteAddr();
        java.time.Duration wait = throttle.waitBefore(login, address);
        if (!wait.isZero()) {
            boolean english = AdminViews.lang(request).equals("en");
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(LoginThrottle.seconds(wait)));
            renderLogin(request, response, english
                    ? "Too many failed attempts. Try again in " + LoginThrottle.describe(wait, true) + "."
                    : "Trop de tentatives échouées. Réessayez dans " + LoginThrottle.describe(wait, false) + ".", login);
            return;
        }
        if (login.isEmpty() || password == null || password.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            renderLogin(request, response, AdminViews.lang(request).equals("en")
                    ? "Enter your e-mail address and your password."
                    : "Saisissez votre adresse e-mail et votre mot de passe.", login);
            return;
        }
        Optional<Account> account = accounts.authenticate(login, password.toCharArray());
        if (account.isEmpty()) {
            throttle.recordFailure(login, address);
            LOG.info("Failed back-office login for '{}' from {}", login, address);
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            renderLogin(request, response, AdminViews.lang(request).equals("en")
                    ? "Wrong e-mail address or password."
                    : "Adresse e-mail ou mot de passe incorrect.", login);
            return;
        }
        throttle.recordSuccess(login, address);
        sessions.open(account.get(), request, response);
        accounts.recordLogin(account.get().login());
        LOG.info("Back-office login of '{}'", account.get().login());
        AdminViews.redirect(response, safeNext(request.getParameter("next")));
    }

    private static void renderLogin(HttpServletRequest request, HttpServletResponse response, String error,
                                    String login) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("error", error);
        model.put("login", login);
        model.put("next", safeNext(request.getParameter("next")));
        AdminViews.render(request, response, "admin/login.ftlh", model);
    }

    /** Only a path of the back office itself, so that the login page cannot send anyone elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/admin/") || next.startsWith("//") || next.contains("\\")
                || next.contains("\r") || next.contains("\n")) {
            return "/admin/";
        }
        return next;
    }

    private static void staticFile(HttpServletRequest request, HttpServletResponse response, String path)
            throws IOException {
        if (!STATIC.containsKey(path)) {
            notFoundPage(request, response);
            return;
        }
        EditorFiles.send(response, "admin-templates/admin" + path, STATIC.get(path));
    }
}
