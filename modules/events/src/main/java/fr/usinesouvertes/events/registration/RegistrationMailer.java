package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.platform.mail.MailException;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.platform.mail.MailSender;
import fr.usinesouvertes.events.mail.RegistrationMail;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.visit.Visit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells registrants what happened, once the repository has committed it. A mail that cannot be sent
 * is logged (with the registration id, never the address) and the registration stays: the booking is
 * what matters, and the registrant can still be reached from the organisers' export.
 */
public final class RegistrationMailer {

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationMailer.class);

    private final RegistrationMailComposer composer;
    private final MailSender sender;

    public RegistrationMailer(RegistrationMailComposer composer, MailSender sender) {
        this.composer = composer;
        this.sender = sender;
    }

    /** @return whether the mail was handed over */
    public boolean send(MailKind kind, Visit visit, RegistrationRecord registration, Integer position, String manageLink) {
        try {
            sender.send(composer.compose(new RegistrationMail(kind, visit, registration.id(), registration.contactName(),
                    registration.email(), registration.persons(), position, manageLink, registration.lang())));
            return true;
        } catch (MailException | IllegalArgumentException e) {
            LOG.warn("Could not send the {} e-mail of registration {}: {}", kind, registration.id(), e.getMessage());
            return false;
        }
    }
}
