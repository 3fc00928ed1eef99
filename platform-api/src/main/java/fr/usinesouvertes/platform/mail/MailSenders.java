package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import java.time.Clock;

/** Picks the mail sender the settings ask for: SMTP when {@code smtp-host} is set, else the outbox under {@code DATA/outbox/}. */
public final class MailSenders {

    private MailSenders() {
    }

    public static MailSender fromSettings(Settings settings, Clock clock) {
        SmtpConfig smtp = SmtpConfig.fromSettings(settings);
        if (smtp != null) {
            return new SmtpMailSender(smtp, clock);
        }
        return new OutboxMailSender(settings.get(CoreSettings.DATA).resolve("outbox"), settings.get(MailSettings.MAIL_FROM), clock);
    }
}
