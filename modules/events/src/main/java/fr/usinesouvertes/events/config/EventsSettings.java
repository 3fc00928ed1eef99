package fr.usinesouvertes.events.config;

import fr.usinesouvertes.platform.config.SettingDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings the events module declares (name, description, default, validation), each settable as
 * {@code --name value} or in {@code config/platform.yaml}; the module reads them once, into {@link EventsConfig}.
 */
public final class EventsSettings {

    public static final SettingDefinition<String> REGISTRATION_LINK_SECRET = new SettingDefinition<>(
            "registration-link-secret",
            "Secret signing the view/cancel links of registrations (at least 32 characters); when unset, one is "
                    + "generated once and kept in DATA/secrets/", null, EventsSettings::secret);
    public static final SettingDefinition<Integer> REGISTRATION_RATE_LIMIT = SettingDefinition.integer(
            "registration-rate-limit", "Registrations accepted per minute and client (IP address); 0 switches the limit off",
            "10", 0, 1_000_000);
    public static final SettingDefinition<Integer> REGISTRATION_MAX_GROUP_SIZE = SettingDefinition.integer(
            "registration-max-group-size", "Most pupils or job seekers one group registration may bring", "120", 1, 10_000);
    public static final SettingDefinition<Integer> REGISTRATION_MAX_ACCOMPANYING_ADULTS = SettingDefinition.integer(
            "registration-max-accompanying-adults", "Most adults accompanying one school group", "20", 1, 1_000);

    public static final SettingDefinition<Path> COMMUNES = new SettingDefinition<>("communes",
            "CSV table of French communes (optionally gzipped; columns REF_INSEE, NAME, DEPARTMENT, ZIP_CODES, "
                    + "LATITUDE, LONGITUDE, and REGION, POPULATION, IS_DISTRICT…) replacing the embedded one, for the "
                    + "search's near=<commune or postal code> and the company space's commune field; unset: the table "
                    + "shipped with the module",
            null, EventsSettings::readableFile);

    public static final SettingDefinition<Integer> MAIL_RETRY_DELAY = SettingDefinition.integer("mail-retry-delay",
            "Seconds before a registration e-mail that could not be sent is tried again, doubled at each further attempt",
            "60", 1, 86_400);
    public static final SettingDefinition<Integer> MAIL_MAX_ATTEMPTS = SettingDefinition.integer("mail-max-attempts",
            "Attempts before a registration e-mail is given up (logged, and listed by the mail-queue command)",
            "8", 1, 100);
    public static final SettingDefinition<Integer> MAIL_QUEUE_STUCK_AFTER = SettingDefinition.integer(
            "mail-queue-stuck-after",
            "Seconds after which the readiness check events.mail-queue calls the registration e-mails' queue stuck; "
                    + "0: twice mail-retry-delay plus a minute",
            "0", 0, 86_400);

    public static final SettingDefinition<List<Integer>> REMINDER_DAYS = new SettingDefinition<>("reminder-days",
            "Days before a visit its confirmed registrants get a reminder e-mail, with their ticket, largest first, "
                    + "separated by commas (each 1 to 60, at most 5); a booking made after a reminder's moment does not get "
                    + "that one; 'none': no reminders. An edition's own reminderDays replaces it for its visits",
            "7,1", EventsSettings::reminderDays);
    public static final SettingDefinition<Integer> REMINDER_INTERVAL = SettingDefinition.integer("reminder-interval",
            "Seconds between two looks of the reminders' job for the reminders that fell due (on the one node holding "
                    + "its lease)", "60", 1, 3_600);

    private EventsSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(REGISTRATION_LINK_SECRET, REGISTRATION_RATE_LIMIT, REGISTRATION_MAX_GROUP_SIZE,
                REGISTRATION_MAX_ACCOMPANYING_ADULTS, COMMUNES, MAIL_RETRY_DELAY, MAIL_MAX_ATTEMPTS,
                MAIL_QUEUE_STUCK_AFTER, REMINDER_DAYS, REMINDER_INTERVAL);
    }

    private static String secret(String value) {
        if (value.strip().length() < 32) {
            throw new IllegalArgumentException("must be at least 32 characters long");
        }
        return value.strip();
    }

    /** "7,1" → [7, 1]: distinct days from 1 to 60, largest first; "none" → none. */
    static List<Integer> reminderDays(String value) {
        return fr.usinesouvertes.events.edition.ReminderDays.parse(value);
    }

    private static Path readableFile(String value) {
        Path path = Path.of(value.strip());
        if (!Files.isReadable(path) || Files.isDirectory(path)) {
            throw new IllegalArgumentException("'" + value + "' is not a readable file");
        }
        return path;
    }
}
