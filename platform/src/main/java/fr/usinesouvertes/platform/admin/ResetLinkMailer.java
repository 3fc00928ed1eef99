package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.security.PasswordResets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Issues a password-reset token and mails its link; used by the reset page and the accounts app. */
final class ResetLinkMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ResetLinkMailer.class);

    private final PasswordResets resets;
    private final MailSender mail;
    private final PublicUrl publicUrl;

    /** {@code publicUrl}: base of the links. */
    ResetLinkMailer(PasswordResets resets, MailSender mail, PublicUrl publicUrl) {
        this.resets = resets;
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    PasswordResets resets() {
        return resets;
    }

    /** Whether a link went out: false for an unknown or disabled account, or when the mail failed. */
    boolean send(String login, boolean english) {
        Optional<String> token = resets.issue(login);
        if (token.isEmpty()) {
            return false;
        }
        String link = publicUrl.base() + "/admin/password-reset/" + token.get() + (english ? "?lang=en" : "");
        try {
            mail.send(PasswordResetMail.of(login.trim().toLowerCase(java.util.Locale.ROOT), link));
            return true;
        } catch (MailException e) {
            LOG.warn("Password-reset e-mail to {} could not be sent: {}", login, e.getMessage());
            return false;
        }
    }
}
