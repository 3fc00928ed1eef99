package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.RoutedServlet;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.security.LoginThrottle;
import fr.usinesouvertes.platform.security.ResetThrottle;
import fr.usinesouvertes.platform.security.PasswordLinks;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/password-reset}: asks for the e-mail address and mails a single-use link (the answer is
 * the same whether an account exists or not), then {@code /admin/password-reset/<token>} sets the new
 * password. Requests have their own throttle ({@link ResetThrottle}), so that nobody floods a mailbox; they never
 * count as failed logins.
 */
public final class PasswordResetServlet extends RoutedServlet {

    private static final Logger LOG = LoggerFactory.getLogger(PasswordResetServlet.class);

    private final transient PasswordLinks links;
    private final transient PasswordLinkMailer mailer;
    private final transient ResetThrottle throttle;

    PasswordResetServlet(PasswordLinkMailer mailer, ResetThrottle throttle) {
        this.links = mailer.links();
        this.mailer = mailer;
        this.throttle = throttle;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) ->
                        AdminViews.render(request, response, "admin/password-reset-request.ftlh", Map.of("login", "")))
                .get("/{token}", (request, response, route) -> {
                    if (links.loginOf(route.get("token"), PasswordLinks.Kind.RESET).isPresent()) {
                        AdminViews.render(request, response, "admin/password-reset-form.ftlh", Map.of("errors", Map.of()));
                    } else {
                        invalidLink(request, response);
                    }
                })
                .post("/", (request, response, route) -> requestLink(request, response))
                .post("/{token}", (request, response, route) -> setPassword(route.get("token"), request, response))
                .build();
    }

    /** A path of more than one segment is no link the platform sends. */
    @Override
    protected void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        invalidLink(request, response);
    }

    private void requestLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        String login = Optional.ofNullable(request.getParameter("login")).orElse("").trim();
        if (login.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            AdminViews.render(request, response, "admin/password-reset-request.ftlh", Map.of("login", "",
                    "error", english ? "Enter your e-mail address." : "Saisissez votre adresse e-mail."));
            return;
        }
        String address = request.getRemoteAddr();
        java.time.Duration wait = throttle.addressWait(address);
        if (!wait.isZero()) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(LoginThrottle.seconds(wait)));
            AdminViews.render(request, response, "admin/password-reset-request.ftlh", Map.of("login", login,
                    "error", english ? "Too many requests. Try again in " + LoginThrottle.describe(wait, true) + "."
                            : "Trop de demandes. Réessayez dans " + LoginThrottle.describe(wait, false) + "."));
            return;
        }
        if (throttle.request(login, address)) {
            mailer.sendReset(login, english);
        } else {
            LOG.info("Password-reset e-mail to '{}' not sent: too many requests for this account", login);
        }
        AdminViews.flash(request, english
                ? "If an account exists for this address, an e-mail with a link valid for one hour is on its way."
                : "Si un compte existe pour cette adresse, un e-mail avec un lien valable une heure vient d'être envoyé.");
        AdminViews.redirect(response, "/admin/login" + (english ? "?lang=en" : ""));
    }

    private void setPassword(String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean english = AdminViews.lang(request).equals("en");
        PasswordChoice choice = PasswordChoice.submit(request, links, token, PasswordLinks.Kind.RESET,
                e -> english ? "At least 12 characters." : e.getMessage());
        if (choice.refused()) {
            response.setStatus(422);
            AdminViews.render(request, response, "admin/password-reset-form.ftlh", Map.of("errors", choice.errors()));
        } else if (choice.login().isEmpty()) {
            invalidLink(request, response);
        } else {
            LOG.info("Password of {} reset by e-mailed link", choice.login().get());
            AdminViews.flash(request, english ? "Your password is changed. Log in with it."
                    : "Votre mot de passe est modifié. Connectez-vous avec.");
            AdminViews.redirect(response, "/admin/login" + (english ? "?lang=en" : ""));
        }
    }

    private static void invalidLink(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_GONE);
        AdminViews.render(request, response, "admin/password-reset-invalid.ftlh", Map.of());
    }
}
