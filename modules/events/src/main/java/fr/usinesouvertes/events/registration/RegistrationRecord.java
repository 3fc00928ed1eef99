package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.booking.RegistrationStatus;
import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;

/**
 * A stored registration as its own registrant may see it: the contact who signed up, never anyone else's data.
 *
 * @param persons            seats held, accompanying adults included
 * @param cancellationReason why its visit was cancelled, when it was cancelled with its visit; else empty
 * @param declaredPersons    the head count of the form (pupils of a school group), without accompanying adults
 * @param accompanyingAdults a school group's adults, else 0
 * @param calendarSequence   times the registrant changed it (the SEQUENCE of its {@code .ics})
 */
public record RegistrationRecord(String id, String slotId, String status, Audience audience, int persons,
                                 String contactName, String email, Lang lang, String cancellationReason,
                                 boolean transportFundingRequested, int declaredPersons, int accompanyingAdults,
                                 int calendarSequence) {

    public RegistrationRecord(String id, String slotId, String status, Audience audience, int persons,
                              String contactName, String email, Lang lang, String cancellationReason,
                              boolean transportFundingRequested) {
        this(id, slotId, status, audience, persons, contactName, email, lang, cancellationReason,
                transportFundingRequested, persons, 0, 0);
    }

    public RegistrationRecord(String id, String slotId, String status, Audience audience, int persons,
                              String contactName, String email, Lang lang) {
        this(id, slotId, status, audience, persons, contactName, email, lang, "", false);
    }

    public boolean isCancelled() {
        return RegistrationStatus.CANCELLED.stored().equals(status);
    }
}
