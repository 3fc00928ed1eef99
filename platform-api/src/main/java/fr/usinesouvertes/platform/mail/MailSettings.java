package fr.usinesouvertes.platform.mail;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.config.SettingDefinition;
import java.util.List;

/** How the platform sends e-mail (registration confirmations, password resets, moderation notices). */
@PluginApi
public final class MailSettings {

    public static final SettingDefinition<String> SMTP_HOST = SettingDefinition.text("smtp-host",
            "SMTP server for outgoing mail; when unset, mail is written as .eml files under DATA/outbox/", null);
    public static final SettingDefinition<Integer> SMTP_PORT = SettingDefinition.integer("smtp-port",
            "SMTP server port", "587", 1, 65535);
    public static final SettingDefinition<String> SMTP_USER = SettingDefinition.text("smtp-user",
            "SMTP user name, when the server asks for authentication", null);
    public static final SettingDefinition<String> SMTP_PASSWORD = SettingDefinition.text("smtp-password",
            "SMTP password", null);
    public static final SettingDefinition<Boolean> SMTP_STARTTLS = SettingDefinition.flag("smtp-starttls",
            "Require STARTTLS on the SMTP connection", "true");
    public static final SettingDefinition<String> MAIL_FROM = SettingDefinition.text("mail-from",
            "Sender of the platform's e-mails",
            "Journées Usines Ouvertes <ne-pas-repondre@journees-usines-ouvertes.fr>");

    public static final SettingDefinition<Integer> OUTBOX_RETENTION_DAYS = SettingDefinition.integer(
            "outbox-retention-days", "Days the e-mails written to DATA/outbox/ (no smtp-host) are kept; older ones are "
                    + "deleted every six hours; 0 keeps them all", "30", 0, 36_500);

    private MailSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_STARTTLS, MAIL_FROM, OUTBOX_RETENTION_DAYS);
    }
}
