package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.security.PasswordResets;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues a password-reset token and mails its link; used by the reset page and the accounts app. */
final class ResetLinkMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ResetLinkMailer.class);

    private final PasswordResets resets;
    private final MailSender mail;
    private final String publicUrl;

    /** {@code publicUrl}: base of the links (the {@code public-url} setting), or null for the request's own address. */
    ResetLinkMailer(PasswordResets resets, MailSender mail, String publicUrl) {
        this.resets = resets;
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    PasswordResets resets() {
        return resets;
    }

    /** Whether a link went out: false for an unknown or disabled account, or when the mail failed. */
    boolean send(String login, boolean english, HttpServletRequest request) {
        Optional<String> token = resets.issue(login);
        if (token.isEmpty()) {
            return false;
        }
        String link = base(request) + "admin/password-reset/" + token.get() + (english ? "?lang=en" : "");
        try {
            mail.send(PasswordResetMail.of(login.trim().toLowerCase(java.util.Locale.ROOT), link));
            return true;
        } catch (MailException e) {
            LOG.warn("Password-reset e-mail to {} could not be sent: {}", login, e.getMessage());
            return false;
        }
    }

    private String base(HttpServletRequest request) {
        if (publicUrl != null) {
            return publicUrl.endsWith("/") ? publicUrl : publicUrl + "/";
        }
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/";
    }
}
