package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.AccountException;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code accounts} app (administrators only): list accounts, create one with roles and company
 * (with a password, or without: it then gets a reset link to choose one), disable one, send a reset link.
 */
final class AccountsServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsServlet.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final transient Accounts accounts;
    private final transient ResetLinkMailer mailer;

    AccountsServlet(Accounts accounts, ResetLinkMailer mailer) {
        this.accounts = accounts;
        this.mailer = mailer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        switch (path) {
            case "/" -> list(request, response);
            case "/new" -> form(request, response, Map.of(), Map.of());
            default -> AdminServlet.notFound(request, response);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = Optional.ofNullable(request.getPathInfo()).orElse("/");
        switch (path) {
            case "/new" -> create(request, response);
            case "/disable" -> disable(request, response);
            case "/reset-link" -> resetLink(request, response);
            default -> AdminServlet.notFound(request, response);
        }
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : accounts.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("login", account.login());
            row.put("displayName", account.displayName());
            row.put("roles", account.roles().stream().map(Role::name).sorted().toList());
            row.put("company", account.company());
            row.put("disabled", accounts.isDisabled(account.login()));
            rows.add(row);
        }
        AdminViews.render(request, response, "admin/accounts.ftlh", Map.of("accounts", rows));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, String> values,
                      Map<String, String> errors) throws IOException {
        AdminViews.render(request, response, "admin/account-form.ftlh", Map.of("values", values, "errors", errors,
                "roles", List.of(Role.values()).stream().map(Role::name).toList()));
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("login", "displayName", "company")) {
            values.put(field, Optional.ofNullable(request.getParameter(field)).orElse("").trim());
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String[] chosen = request.getParameterValues("roles");
        if (chosen != null) {
            for (String role : chosen) {
                try {
                    roles.add(Role.valueOf(role));
                    values.put("role." + role, "true");
                } catch (IllegalArgumentException e) {
                    form422(request, response, values, Map.of("roles", english ? "Unknown role." : "Rôle inconnu."));
                    return;
                }
            }
        }
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        boolean sendLink = password.isEmpty();
        char[] initial = sendLink ? randomPassword() : password.toCharArray();
        try {
            Account created = accounts.create(values.get("login"), values.get("displayName"), initial, roles,
                    values.get("company").isEmpty() ? null : values.get("company"));
            LOG.info("Account {} created by {}", created.login(), CurrentAccount.require(request).login());
            boolean mailed = sendLink && mailer.send(created.login(), english);
            AdminViews.flash(request, (english ? "Account " + created.login() + " created."
                    : "Compte " + created.login() + " créé.") + (mailed ? (english
                    ? " A link to choose a password was sent." : " Un lien pour choisir son mot de passe lui a été envoyé.")
                    : ""));
            AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
        } catch (AccountException e) {
            form422(request, response, values, Map.of(e.field(), e.getMessage()));
        }
    }

    private void form422(HttpServletRequest request, HttpServletResponse response, Map<String, String> values,
                         Map<String, String> errors) throws IOException {
        response.setStatus(422);
        form(request, response, values, errors);
    }

    private void disable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = Optional.ofNullable(request.getParameter("login")).orElse("");
        if (login.equalsIgnoreCase(CurrentAccount.require(request).login())) {
            AdminViews.flash(request, english ? "You cannot disable your own account."
                    : "Vous ne pouvez pas désactiver votre propre compte.");
        } else {
            try {
                accounts.disable(login);
                LOG.info("Account {} disabled by {}", login, CurrentAccount.require(request).login());
                AdminViews.flash(request, english ? "Account " + login + " disabled." : "Compte " + login + " désactivé.");
            } catch (AccountException e) {
                AdminViews.flash(request, e.getMessage());
            }
        }
        AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
    }

    private void resetLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = Optional.ofNullable(request.getParameter("login")).orElse("");
        boolean sent = mailer.send(login, english);
        AdminViews.flash(request, sent
                ? (english ? "Reset link sent to " + login + "." : "Lien de réinitialisation envoyé à " + login + ".")
                : (english ? "No link sent: unknown or disabled account, or mail failure."
                : "Aucun lien envoyé : compte inconnu ou désactivé, ou échec de l'envoi."));
        AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
    }

    /** An unguessable password nobody knows, for accounts that choose theirs through the reset link. */
    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
