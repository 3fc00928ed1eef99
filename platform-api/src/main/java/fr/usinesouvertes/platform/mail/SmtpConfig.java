package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.config.Settings;
import java.util.Objects;

/**
 * How to reach the SMTP server.
 *
 * @param user     user name, or {@code null} when the server needs no authentication
 * @param starttls require STARTTLS before sending credentials or mail
 * @param from     sender, e.g. {@code Journées Usines Ouvertes <ne-pas-repondre@…>}
 */
public record SmtpConfig(String host, int port, String user, String password, boolean starttls, String from) {

    public SmtpConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
    }

    /** The SMTP configuration of the settings, or {@code null} when no {@code smtp-host} is set. */
    public static SmtpConfig fromSettings(Settings settings) {
        String host = settings.get(MailSettings.SMTP_HOST);
        if (host == null) {
            return null;
        }
        return new SmtpConfig(host, settings.get(MailSettings.SMTP_PORT), settings.get(MailSettings.SMTP_USER),
                settings.get(MailSettings.SMTP_PASSWORD), settings.get(MailSettings.SMTP_STARTTLS),
                settings.get(MailSettings.MAIL_FROM));
    }
}
