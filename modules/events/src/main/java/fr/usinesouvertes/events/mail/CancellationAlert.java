package fr.usinesouvertes.events.mail;

import fr.usinesouvertes.platform.mail.OutgoingMail;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An e-mail about a cancelled visit that is not a registrant's: the organisers' alert (whoever cancelled) and, when the
 * organisers cancelled, the company's notice. It is queued in the {@link MailQueue} in the cancellation's own commit
 * ({@link MailKind#CANCELLATION_ALERT}), so a crash right after that commit still sends it and a failed commit sends
 * nothing; what it says is kept in the entry's details, as counted when the visit was cancelled.
 *
 * @param recipient      who is told
 * @param to             their address
 * @param what           the visit, e.g. {@code le créneau du samedi 21 mars 2026, 10 h 00 – 12 h 00 du site « … »}
 * @param companyName    the company's name (the organisers' alert names it), may be empty
 * @param reason         the reason given
 * @param by             who cancelled, e.g. {@code l'entreprise (contact@…)}
 * @param registrations  registrations cancelled
 * @param persons        confirmed persons among them
 * @param moderationLink the moderation app, where the organisers see the cancellations
 */
public record CancellationAlert(Recipient recipient, String to, String what, String companyName, String reason,
                                String by, int registrations, long persons, String moderationLink) {

    /** Who an alert goes to. */
    public enum Recipient { ORGANISERS, COMPANY }

    public CancellationAlert {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(to, "to");
        what = Objects.requireNonNullElse(what, "");
        companyName = Objects.requireNonNullElse(companyName, "");
        reason = Objects.requireNonNullElse(reason, "");
        by = Objects.requireNonNullElse(by, "");
        moderationLink = Objects.requireNonNullElse(moderationLink, "");
    }

    /** The message, in French (the organisers' and the companies' language). */
    public OutgoingMail message() {
        return recipient == Recipient.ORGANISERS
                ? CompanyMails.visitCancelledAlert(to, what, companyName, reason, by, registrations, persons, moderationLink)
                : CompanyMails.visitCancelledByOrganisers(to, what, reason, registrations);
    }

    /** As the queue entry's details. */
    public Map<String, String> toDetails() {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("recipient", recipient.name());
        details.put("to", to);
        details.put("what", what);
        details.put("companyName", companyName);
        details.put("reason", reason);
        details.put("by", by);
        details.put("registrations", Integer.toString(registrations));
        details.put("persons", Long.toString(persons));
        details.put("moderationLink", moderationLink);
        return details;
    }

    /**
     * From a queue entry's details.
     *
     * @throws IllegalArgumentException when they are not an alert's (the entry can never be sent)
     */
    public static CancellationAlert fromDetails(Map<String, String> details) {
        return new CancellationAlert(Recipient.valueOf(required(details, "recipient")), required(details, "to"),
                details.get("what"), details.get("companyName"), details.get("reason"), details.get("by"),
                Integer.parseInt(required(details, "registrations")), Long.parseLong(required(details, "persons")),
                details.get("moderationLink")); // a bad number or recipient fails as IllegalArgumentException too
    }

    private static String required(Map<String, String> details, String key) {
        String value = details.get(key);
        if (value == null) {
            throw new IllegalArgumentException("Not a cancellation alert: no '" + key + "' in " + details.keySet());
        }
        return value;
    }
}
