package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.PasswordLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/invitation/<token>}, the page an invitation e-mail opens (no login needed): welcomes the invited
 * person (name, login, roles) and lets them choose their password (the same policy as everywhere: 12 characters or
 * more, typed twice); then the login page. An expired, used or unknown link answers 410.
 */
final class InvitationServlet extends RoutedServlet {

    private static final Logger LOG = LoggerFactory.getLogger(InvitationServlet.class);

    private final transient PasswordLinks links;
    private final transient Accounts accounts;

    InvitationServlet(PasswordLinks links, Accounts accounts) {
        this.links = links;
        this.accounts = accounts;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/{token}", (request, response, route) -> {
                    Optional<Account> invited = invited(route.get("token"));
                    if (invited.isEmpty()) {
                        invalidLink(request, response);
                        return;
                    }
                    render(request, response, invited.get(), Map.of());
                })
                .post("/{token}", (request, response, route) -> choosePassword(request, response, route.get("token")))
                .build();
    }

    /** No token, or a path of more than one segment: no link the platform sends. */
    @Override
    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        invalidLink(request, response);
    }

    private void choosePassword(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        Optional<Account> invited = invited(token);
        if (invited.isEmpty()) {
            invalidLink(request, response);
            return;
        }
        String lang = AdminViews.lang(request);
        boolean english = lang.equals("en");
        PasswordChoice choice = PasswordChoice.submit(request, links, token, PasswordLinks.Kind.INVITATION,
                e -> e.message(lang));
        if (choice.refused()) {
            response.setStatus(422);
            render(request, response, invited.get(), choice.errors());
        } else if (choice.login().isEmpty()) {
            invalidLink(request, response);
        } else {
            String login = choice.login().get();
            LOG.info("Invitation of {} accepted: password chosen", login);
            AdminViews.flash(request, english ? "Your password is saved. Log in with your e-mail address and it."
                    : "Votre mot de passe est enregistré. Connectez-vous avec votre adresse e-mail et ce mot de passe.");
            AdminViews.redirect(response, "/admin/login?login=" + URLEncoder.encode(login, StandardCharsets.UTF_8)
                    + (english ? "&lang=en" : ""));
        }
    }

    private Optional<Account> invited(String token) {
        return links.loginOf(token, PasswordLinks.Kind.INVITATION).flatMap(accounts::find);
    }

    private static void render(HttpServletRequest request, HttpServletResponse response, Account invited,
                               Map<String, String> errors) throws IOException {
        String lang = AdminViews.lang(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("invited", Map.of("login", invited.login(), "displayName", invited.displayName(),
                "roles", AccountsServlet.roleLabels(invited.roles(), lang)));
        model.put("errors", errors);
        AdminViews.render(request, response, "admin/invitation-form.ftlh", model);
    }

    private static void invalidLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_GONE);
        AdminViews.render(request, response, "admin/invitation-invalid.ftlh", Map.of());
    }
}
