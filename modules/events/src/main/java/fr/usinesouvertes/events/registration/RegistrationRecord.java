package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;

/**
 * A stored registration as its own registrant may see it: the contact who signed up, never anyone else's data.
 *
 * @param persons            seats held, accompanying adults included
 * @param cancellationReason why its visit was cancelled, when it was cancelled with its visit; else empty
 */
public record RegistrationRecord(String id, String slotId, String status, Audience audience, int persons,
                                 String contactName, String email, Lang lang, String cancellationReason,
                                 boolean transportFundingRequested) {

    public RegistrationRecord(String id, String slotId, String status, Audience audience, int persons,
                              String contactName, String email, Lang lang) {
        this(id, slotId, status, audience, persons, contactName, email, lang, "", false);
    }

    public boolean isCancelled() {
        return "cancelled".equals(status);
    }
}
