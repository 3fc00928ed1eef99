package fr.usinesouvertes.platform.admin;

import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.platform.mail.OutgoingMail;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.security.PasswordLinks;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues password links and mails them, their address built on {@code public-url} only: reset links (the reset page
 * and the accounts app) and invitations of new accounts (the accounts app).
 */
final class PasswordLinkMailer {

    static final String RESET_PATH = "/admin/password-reset/";
    static final String INVITATION_PATH = "/admin/invitation/";
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLinkMailer.class);

    private final PasswordLinks links;
    private final Accounts accounts;
    private final MailSender mail;
    private final PublicUrl publicUrl;

    /** {@code publicUrl}: base of the links. */
    PasswordLinkMailer(PasswordLinks links, Accounts accounts, MailSender mail, PublicUrl publicUrl) {
        this.links = links;
        this.accounts = accounts;
        this.mail = mail;
        this.publicUrl = publicUrl;
    }

    PasswordLinks links() {
        return links;
    }

    /** Whether a reset link went out: false for an unknown or disabled account, or when the mail failed. */
    boolean sendReset(String login, boolean english) {
        Optional<String> token = links.issue(login, PasswordLinks.Kind.RESET);
        if (token.isEmpty()) {
            return false;
        }
        String link = publicUrl.link(RESET_PATH + token.get() + (english ? "?lang=en" : ""));
        return send(PasswordResetMail.of(login.trim().toLowerCase(java.util.Locale.ROOT), link), "Password-reset", login);
    }

    /**
     * Whether an invitation went out to the account (false for an unknown or disabled account, or when the mail
     * failed); {@code invitedBy} is named in it. Voids the account's earlier invitations, not its reset links.
     */
    boolean sendInvitation(String login, Account invitedBy) {
        Optional<Account> invited = accounts.find(login);
        if (invited.isEmpty()) {
            return false;
        }
        Optional<String> token = links.issue(login, PasswordLinks.Kind.INVITATION);
        if (token.isEmpty()) {
            return false;
        }
        String link = publicUrl.link(INVITATION_PATH + token.get());
        long days = links.validity(PasswordLinks.Kind.INVITATION).toDays();
        return send(InvitationMail.of(invited.get(), invitedBy.displayName(), link, days), "Invitation", login);
    }

    private boolean send(OutgoingMail message, String what, String login) {
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            LOG.warn("{} e-mail to {} could not be sent: {}", what, login, e.getMessage());
            return false;
        }
    }
}
