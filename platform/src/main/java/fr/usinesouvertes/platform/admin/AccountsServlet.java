package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.AccountException;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.CurrentAccount;
import fr.usinesouvertes.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code accounts} app (administrators only): list accounts with their roles (French names, English in the
 * English back office) and last login (in the site's time zone), create one with roles and company (with a password,
 * or without: it is then mailed an invitation to choose one), change an account's roles, disable one, send a reset
 * link or a new invitation. Every change is logged with the administrator who made it.
 */
final class AccountsServlet extends BackOfficeServlet {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsServlet.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter WHEN_FR = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter WHEN_EN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** The roles the roles form changes; {@link Role#COMPANY} goes with the account's company, set at creation. */
    private static final List<Role> CHANGEABLE = List.of(Role.ADMIN, Role.EDITOR, Role.PUBLISHER);

    private final transient Accounts accounts;
    private final transient PasswordLinkMailer mailer;
    private final ZoneId zone;

    /** {@code zone}: the site's time zone, in which last logins are shown. */
    AccountsServlet(Accounts accounts, PasswordLinkMailer mailer, ZoneId zone) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.zone = zone;
    }

    /** The names of roles in the back office's language, in the order of {@link Role}. */
    static List<String> roleLabels(Collection<Role> roles, String lang) {
        return roles.stream().sorted().map(role -> role.label(lang)).toList();
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> list(request, response))
                .get("/new", (request, response, route) -> form(request, response, Map.of(), Map.of()))
                .get("/roles", (request, response, route) -> rolesForm(request, response))
                .post("/new", (request, response, route) -> create(request, response))
                .post("/roles", (request, response, route) -> changeRoles(request, response))
                .post("/disable", (request, response, route) -> disable(request, response))
                .post("/reset-link", (request, response, route) -> resetLink(request, response))
                .post("/invitation", (request, response, route) -> invite(request, response))
                .build();
    }

    private void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = AdminViews.lang(request);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Account account : accounts.list()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("login", account.login());
            row.put("displayName", account.displayName());
            row.put("roles", roleLabels(account.roles(), lang));
            row.put("company", account.company());
            row.put("disabled", accounts.isDisabled(account.login()));
            Optional<Instant> lastLogin = accounts.lastLogin(account.login());
            row.put("lastLogin", lastLogin.map(at -> (lang.equals("en") ? WHEN_EN : WHEN_FR).format(at.atZone(zone)))
                    .orElse(""));
            row.put("lastLoginIso", lastLogin.map(at -> at.atZone(zone).toOffsetDateTime().toString()).orElse(""));
            rows.add(row);
        }
        AdminViews.render(request, response, "admin/accounts.ftlh", Map.of("accounts", rows));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, String> values,
                      Map<String, String> errors) throws IOException {
        AdminViews.render(request, response, "admin/account-form.ftlh", Map.of("values", values, "errors", errors,
                "roles", roleChoices(List.of(Role.values()), AdminViews.lang(request))));
    }

    private void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = AdminViews.lang(request);
        boolean english = lang.equals("en");
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("login", "displayName", "company")) {
            values.put(field, Optional.ofNullable(request.getParameter(field)).orElse("").trim());
        }
        Set<Role> roles;
        try {
            roles = chosenRoles(request, values);
        } catch (AccountException e) {
            form422(request, response, values, Map.of(e.field(), e.message(lang)));
            return;
        }
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        boolean invite = password.isEmpty();
        char[] initial = invite ? randomPassword() : password.toCharArray();
        try {
            Account created = accounts.create(values.get("login"), values.get("displayName"), initial, roles,
                    values.get("company").isEmpty() ? null : values.get("company"));
            Account admin = CurrentAccount.require(request);
            LOG.info("Account {} created with roles {} by {}", created.login(), created.roles(), admin.login());
            boolean mailed = invite && mailer.sendInvitation(created.login(), admin);
            String flash = english ? "Account " + created.login() + " created." : "Compte " + created.login() + " créé.";
            if (mailed) {
                flash += english ? " An invitation to choose a password was sent to it."
                        : " Une invitation à choisir son mot de passe lui a été envoyée.";
            } else if (invite) {
                flash += english ? " The invitation could not be sent: use \"Send the invitation again\"."
                        : " L'invitation n'a pas pu être envoyée : utilisez « Renvoyer l'invitation ».";
            }
            AdminViews.flash(request, flash);
            AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
        } catch (AccountException e) {
            form422(request, response, values, Map.of(e.field(), e.message(lang)));
        }
    }

    private void rolesForm(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Account> account = accounts.find(Optional.ofNullable(request.getParameter("login")).orElse(""));
        if (account.isEmpty()) {
            notFoundPage(request, response);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        account.get().roles().forEach(role -> values.put("role." + role.name(), "true"));
        rolesForm(request, response, account.get(), values, Map.of());
    }

    private void rolesForm(HttpServletRequest request, HttpServletResponse response, Account account,
                           Map<String, String> values, Map<String, String> errors) throws IOException {
        String lang = AdminViews.lang(request);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("target", Map.of("login", account.login(), "displayName", account.displayName(),
                "company", account.company() == null ? "" : account.company(),
                "roles", roleLabels(account.roles(), lang)));
        model.put("roles", roleChoices(CHANGEABLE, lang));
        model.put("companyAccount", account.has(Role.COMPANY));
        model.put("values", values);
        model.put("errors", errors);
        AdminViews.render(request, response, "admin/account-roles.ftlh", model);
    }

    private void changeRoles(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = AdminViews.lang(request);
        boolean english = lang.equals("en");
        Optional<Account> account = accounts.find(Optional.ofNullable(request.getParameter("login")).orElse(""));
        if (account.isEmpty()) {
            notFoundPage(request, response);
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        Account admin = CurrentAccount.require(request);
        try {
            Set<Role> roles = chosenRoles(request, values);
            if (roles.contains(Role.COMPANY)) {
                throw new AccountException("roles", "Rôle inconnu.", "Unknown role.");
            }
            if (account.get().has(Role.COMPANY)) {
                roles.add(Role.COMPANY); // not on the form: kept as it is
            }
            Account changed = accounts.setRoles(account.get().login(), roles, admin.login());
            if (!changed.roles().equals(account.get().roles())) {
                LOG.info("Roles of {} changed from {} to {} by {}", changed.login(), sorted(account.get().roles()),
                        sorted(changed.roles()), admin.login());
            }
            AdminViews.flash(request, english
                    ? "Roles of " + changed.login() + ": " + String.join(", ", roleLabels(changed.roles(), lang)) + "."
                    : "Rôles du compte " + changed.login() + " : " + String.join(", ", roleLabels(changed.roles(), lang)) + ".");
            AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
        } catch (AccountException e) {
            response.setStatus(422);
            rolesForm(request, response, account.get(), values, Map.of(e.field(), e.message(lang)));
        }
    }

    /** The roles ticked in the form, also noted in {@code values} to show them again; unknown names refused. */
    private static Set<Role> chosenRoles(HttpServletRequest request, Map<String, String> values) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String[] chosen = request.getParameterValues("roles");
        if (chosen != null) {
            for (String role : chosen) {
                try {
                    roles.add(Role.valueOf(role));
                    values.put("role." + role, "true");
                } catch (IllegalArgumentException e) {
                    throw new AccountException("roles", "Rôle inconnu.", "Unknown role.");
                }
            }
        }
        return roles;
    }

    private static List<Map<String, String>> roleChoices(List<Role> roles, String lang) {
        return roles.stream().map(role -> Map.of("name", role.name(), "label", role.label(lang))).toList();
    }

    private static List<Role> sorted(Set<Role> roles) {
        return roles.stream().sorted().toList();
    }

    private void form422(HttpServletRequest request, HttpServletResponse response, Map<String, String> values,
                         Map<String, String> errors) throws IOException {
        response.setStatus(422);
        form(request, response, values, errors);
    }

    private void disable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String lang = AdminViews.lang(request);
        boolean english = lang.equals("en");
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
                AdminViews.flash(request, e.message(lang));
            }
        }
        AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
    }

    private void resetLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = Optional.ofNullable(request.getParameter("login")).orElse("");
        boolean sent = mailer.sendReset(login, english);
        if (sent) {
            LOG.info("Reset link for {} sent by {}", login, CurrentAccount.require(request).login());
        }
        AdminViews.flash(request, sent
                ? (english ? "Reset link sent to " + login + "." : "Lien de réinitialisation envoyé à " + login + ".")
                : (english ? "No link sent: unknown or disabled account, or mail failure."
                : "Aucun lien envoyé : compte inconnu ou désactivé, ou échec de l'envoi."));
        AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
    }

    private void invite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = Optional.ofNullable(request.getParameter("login")).orElse("");
        Account admin = CurrentAccount.require(request);
        boolean sent = mailer.sendInvitation(login, admin);
        if (sent) {
            LOG.info("Invitation of {} sent again by {}", login, admin.login());
        }
        AdminViews.flash(request, sent
                ? (english ? "Invitation sent to " + login + "." : "Invitation envoyée à " + login + ".")
                : (english ? "No invitation sent: unknown or disabled account, or mail failure."
                : "Aucune invitation envoyée : compte inconnu ou désactivé, ou échec de l'envoi."));
        AdminViews.redirect(response, "/admin/accounts/" + (english ? "?lang=en" : ""));
    }

    /** An unguessable password nobody knows, for accounts that choose theirs through their invitation. */
    private static char[] randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }
}
