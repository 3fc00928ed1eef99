package fr.usinesouvertes.events.mail;

import java.time.Instant;

/**
 * Makes the ticket an e-mail carries for a confirmed registration; implemented above this package (the tickets'
 * signed links and QR codes), handed to the mail worker by the module's wiring.
 */
@FunctionalInterface
public interface TicketImages {

    /** No tickets (tests of e-mails that are not about them). */
    TicketImages NONE = (registrationId, visitEnd, siteUrl) -> null;

    /**
     * @param visitEnd the end of the visit: the ticket's link stays valid a month after it
     * @param siteUrl  the site's address without a trailing slash
     * @return the ticket, or {@code null} for none
     */
    TicketImage ticket(String registrationId, Instant visitEnd, String siteUrl);
}
