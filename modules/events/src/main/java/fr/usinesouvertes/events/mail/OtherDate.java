package fr.usinesouvertes.events.mail;

import java.time.ZonedDateTime;

/**
 * An open slot at another site, offered to the registrants of a cancelled visit.
 *
 * @param company          the company's name
 * @param site             the site's name
 * @param commune          the site's commune
 * @param kilometres       straight-line distance from the cancelled visit's site
 * @param start            start of the slot
 * @param end              end of the slot
 * @param full             no place left: a registration would go on the waiting list
 * @param registrationLink absolute link to the slot's registration form for the registrant's audience
 */
public record OtherDate(String company, String site, String commune, double kilometres, ZonedDateTime start,
                        ZonedDateTime end, boolean full, String registrationLink) {
}
