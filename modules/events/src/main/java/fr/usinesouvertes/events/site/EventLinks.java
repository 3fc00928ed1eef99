package fr.usinesouvertes.events.site;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import java.util.Optional;
import fr.usinesouvertes.events.registration.FormKind;

/** The public URLs of sites, slots' calendars and registration forms, in French or English. */
public final class EventLinks {

    private EventLinks() {
    }

    /** {@code /usines/<slug>} or {@code /en/usines/<slug>}. */
    public static String sitePage(String slug, Lang lang) {
        return prefix(lang) + "/usines/" + slug;
    }

    /** The slot's public calendar file. */
    public static String slotCalendar(String slotId) {
        return "/.rest/events/v1/slots/" + slotId + ".ics";
    }

    /** The registration form of a slot for a visiting audience; empty for the company audience or unknown names. */
    public static Optional<String> registration(String slotId, String audience, Lang lang) {
        return Audience.fromId(audience).flatMap(FormKind::of)
                .map(form -> prefix(lang) + "/inscription/" + slotId + "/" + form.segment());
    }

    private static String prefix(Lang lang) {
        return lang == Lang.EN ? "/en" : "";
    }
}
