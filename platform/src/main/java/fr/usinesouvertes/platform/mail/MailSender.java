package fr.usinesouvertes.platform.mail;

/** Delivers e-mails: through an SMTP server, or into the outbox folder when the platform runs without one. */
public interface MailSender {

    /** @throws MailException when the message cannot be handed over */
    void send(OutgoingMail mail);
}
