package fr.usinesouvertes.events.visit;

import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * What a visitor needs to know about one time slot of a factory visit; shared by the confirmation
 * e-mails, the calendar files and the exports. Holds no personal data.
 *
 * @param slotId               identifier of the slot node
 * @param company              company name, e.g. "Colas"
 * @param site                 industrial site name, e.g. "Centrale d'enrobage de Rennes"
 * @param address              street, postcode and commune, on one line
 * @param start                start of the slot, in the site's time zone when read from the repository
 * @param end                  end of the slot, likewise
 * @param practicalInformation meeting point, access, safety equipment… in the visitor's language, may be empty
 * @param sequence             the calendar SEQUENCE of the slot's events: 0, then one more at each approved change of
 *                             its times or meeting place (so calendars replace the event they imported)
 */
public record Visit(String slotId, String company, String site, String address, ZonedDateTime start,
                    ZonedDateTime end, String practicalInformation, int sequence) {

    public Visit(String slotId, String company, String site, String address, ZonedDateTime start,
                 ZonedDateTime end, String practicalInformation) {
        this(slotId, company, site, address, start, end, practicalInformation, 0);
    }

    public Visit {
        Objects.requireNonNull(slotId, "slotId");
        Objects.requireNonNull(company, "company");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        practicalInformation = practicalInformation == null ? "" : practicalInformation;
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A visit ends after it starts");
        }
    }
}
