package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.mail.OtherDate;
import java.util.List;

/** Finds open slots near a cancelled one, to offer its registrants (see {@code cancellation.NearbySlots}). */
@FunctionalInterface
public interface OtherDates {

    /** None: for tests and setups without the public site. */
    OtherDates NONE = (slot, audience, lang, siteUrl) -> List.of();

    /**
     * @param slot     the cancelled slot
     * @param audience the registrant's audience: slots open to it come first
     * @param siteUrl  the site's address, for the registration links
     */
    List<OtherDate> near(BookableSlot slot, Audience audience, Lang lang, String siteUrl);
}
