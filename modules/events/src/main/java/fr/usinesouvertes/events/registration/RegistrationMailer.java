package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.RegistrationMail;
import fr.usinesouvertes.events.mail.RegistrationMailComposer;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.mail.MailSender;

/** Composes a registration e-mail and hands it to the mail transport (SMTP or the outbox). */
public final class RegistrationMailer {

    private final RegistrationMailComposer composer;
    private final MailSender sender;

    public RegistrationMailer(RegistrationMailComposer composer, MailSender sender) {
        this.composer = composer;
        this.sender = sender;
    }

    /**
     * @throws fr.usinesouvertes.platform.mail.MailException when the transport refuses it (worth retrying)
     * @throws IllegalArgumentException                       when the message cannot be written (not worth retrying)
     */
    public void send(MailKind kind, Visit visit, RegistrationRecord registration, Integer position, String manageLink) {
        sender.send(composer.compose(new RegistrationMail(kind, visit, registration.id(), registration.contactName(),
                registration.email(), registration.persons(), position, manageLink, registration.lang())));
    }
}
