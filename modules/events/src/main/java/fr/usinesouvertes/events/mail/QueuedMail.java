package fr.usinesouvertes.events.mail;

import java.util.Map;
import java.util.Objects;

/**
 * An e-mail waiting in the {@link MailQueue}: what to tell about which registration, not the message
 * itself, which is composed when it is sent (so the request that queued it stays cheap).
 *
 * @param id             the queue entry's node name
 * @param kind           which e-mail
 * @param registrationId the registration it is about ({@link MailKind#CANCELLATION_ALERT}: the cancelled sheet or slot)
 * @param siteUrl        the site's address for the view/cancel link, without a trailing slash
 * @param position       place on the waiting list for {@link MailKind#WAITING_LIST}, else {@code null}
 * @param attempts       sending attempts that failed so far
 * @param dueMillis      when to try next (epoch milliseconds)
 * @param lastError      why the last attempt failed, or {@code null}
 * @param details        what the e-mail tells beyond the registration and its slot as they are when it is sent (for
 *                       {@link MailKind#VISIT_CHANGED}: the values before the change, see {@link VisitChange}; for
 *                       {@link MailKind#CANCELLATION_ALERT}: the whole message, see {@link CancellationAlert})
 */
public record QueuedMail(String id, MailKind kind, String registrationId, String siteUrl, Integer position, int attempts,
                         long dueMillis, String lastError, Map<String, String> details) {

    public QueuedMail {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(registrationId, "registrationId");
        Objects.requireNonNull(siteUrl, "siteUrl");
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    public QueuedMail(String id, MailKind kind, String registrationId, String siteUrl, Integer position, int attempts,
                      long dueMillis, String lastError) {
        this(id, kind, registrationId, siteUrl, position, attempts, dueMillis, lastError, Map.of());
    }

    /** A new entry with details, due at once. */
    public static QueuedMail of(MailKind kind, String registrationId, String siteUrl, Integer position,
                                Map<String, String> details) {
        return new QueuedMail(null, kind, registrationId, siteUrl, position, 0, 0, null, details);
    }

    /** What the entry is about, for logs and the {@code mail-queue} command: {@code registration <id>} or the visit's. */
    public String about() {
        return switch (kind) {
            case CANCELLATION_ALERT -> "cancelled visit " + registrationId;
            case COMPANY_FOLLOW_UP -> "follow-up of sheet " + registrationId;
            case PREPARED -> registrationId;
            default -> "registration " + registrationId;
        };
    }

    /** A new entry, due at once; its id is given when it is written. */
    public static QueuedMail of(MailKind kind, String registrationId, String siteUrl, Integer position) {
        return new QueuedMail(null, kind, registrationId, siteUrl, position, 0, 0, null);
    }
}
