package fr.usinesouvertes.events.config;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.mail.MailSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The events module's configuration, read once at start from its own settings ({@link EventsSettings}, validated
 * when the settings load) and the few platform settings it follows; every class is given the values it needs
 * from here, none reads the settings itself.
 *
 * @param zone                  the site's time zone, the platform's {@code time-zone} setting: slots, edition days,
 *                              sign-up windows, e-mails, calendars, exports and company forms read and write local
 *                              times there, whatever the server's default zone
 * @param organiserEmail        the bare address of the platform's {@code mail-from} setting: calendars' ORGANIZER
 * @param dataFolder            the platform's data folder, where a generated link secret is kept
 * @param linkSecret            the {@code registration-link-secret} setting; {@code null}: one generated in the data folder
 * @param registrationRateLimit registrations accepted per minute and client; 0 switches the limit off
 * @param maxGroupSize          most pupils or job seekers one group registration may bring
 * @param maxAccompanyingAdults most adults accompanying one school group
 * @param communes              a table of communes replacing the embedded one; {@code null}: the embedded table
 * @param mailRetryDelay        delay before a failed e-mail is tried again, doubled at each further attempt
 * @param mailMaxAttempts       attempts before an e-mail is given up
 * @param mailQueueStuckAfter   the threshold of the readiness check {@code events.mail-queue}; zero: derived from
 *                              the retry delay and the worker's poll
 * @param reminderDays          days before a visit its confirmed registrants are reminded of it, largest first; empty: none
 * @param reminderInterval      how often the reminders' job looks for reminders due
 */
public record EventsConfig(ZoneId zone, String organiserEmail, Path dataFolder, String linkSecret,
                           int registrationRateLimit, int maxGroupSize, int maxAccompanyingAdults, Path communes,
                           Duration mailRetryDelay, int mailMaxAttempts, Duration mailQueueStuckAfter,
                           java.util.List<Integer> reminderDays, Duration reminderInterval) {

    public EventsConfig {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(organiserEmail, "organiserEmail");
        Objects.requireNonNull(dataFolder, "dataFolder");
        Objects.requireNonNull(mailRetryDelay, "mailRetryDelay");
        Objects.requireNonNull(mailQueueStuckAfter, "mailQueueStuckAfter");
        reminderDays = java.util.List.copyOf(reminderDays);
        Objects.requireNonNull(reminderInterval, "reminderInterval");
    }

    /** Reads the configuration from settings loaded with the module's {@link EventsSettings#all() definitions}. */
    public static EventsConfig from(Settings settings) {
        return new EventsConfig(settings.get(CoreSettings.TIME_ZONE), bareAddress(settings.get(MailSettings.MAIL_FROM)),
                settings.get(CoreSettings.DATA), settings.get(EventsSettings.REGISTRATION_LINK_SECRET),
                settings.get(EventsSettings.REGISTRATION_RATE_LIMIT), settings.get(EventsSettings.REGISTRATION_MAX_GROUP_SIZE),
                settings.get(EventsSettings.REGISTRATION_MAX_ACCOMPANYING_ADULTS), settings.get(EventsSettings.COMMUNES),
                Duration.ofSeconds(settings.get(EventsSettings.MAIL_RETRY_DELAY)),
                settings.get(EventsSettings.MAIL_MAX_ATTEMPTS),
                Duration.ofSeconds(settings.get(EventsSettings.MAIL_QUEUE_STUCK_AFTER)),
                settings.get(EventsSettings.REMINDER_DAYS), Duration.ofSeconds(settings.get(EventsSettings.REMINDER_INTERVAL)));
    }

    /** {@code Name <address>} → {@code address} (RFC 822, as Jakarta Mail reads it, quoted names included); a bare address unchanged. */
    static String bareAddress(String from) {
        try {
            return new jakarta.mail.internet.InternetAddress(from.strip()).getAddress();
        } catch (jakarta.mail.internet.AddressException e) {
            return from.strip(); // the mail settings validate the address; here it is only shortened
        }
    }
}
