package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** Delivers e-mails: through an SMTP server, or into the outbox folder when the platform runs without one. */
@PluginApi
public interface MailSender {

    /** @throws MailException when the message cannot be handed over */
    void send(OutgoingMail mail);
}
