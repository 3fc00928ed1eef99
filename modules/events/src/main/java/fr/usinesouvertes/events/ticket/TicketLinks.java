package fr.usinesouvertes.events.ticket;

import fr.usinesouvertes.events.registration.RegistrationLinks;
import java.time.Duration;
import java.time.Instant;

/**
 * The addresses of tickets: {@code <public-url>/billet/<token>}, the token an opaque identifier of the registration
 * (its repository identifier, a random UUID) with an expiry, signed for the ticket's own purpose
 * ({@link RegistrationLinks#TICKET_PURPOSE}): a ticket's token is not a manage link, and a manage link's token is not
 * a ticket. Neither holds a name, an address or a head count, so the QR code printing the address holds no personal
 * data. Valid until a month after the visit, as the manage links.
 */
public final class TicketLinks {

    /** The ticket pages' path; {@code /billet/<token>.png} is its QR code. */
    public static final String PATH = "/billet/";
    private static final Duration KEPT_AFTER_VISIT = Duration.ofDays(31);

    private final RegistrationLinks links;

    /** @param links links signed for {@link RegistrationLinks#TICKET_PURPOSE} */
    public TicketLinks(RegistrationLinks links) {
        this.links = links;
    }

    public String token(String registrationId, Instant visitEnd) {
        return links.sign(registrationId, visitEnd.plus(KEPT_AFTER_VISIT));
    }

    /** @param siteUrl the site's address, e.g. {@code https://journees-usines-ouvertes.fr} (a trailing slash is dropped) */
    public String url(String siteUrl, String registrationId, Instant visitEnd) {
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return base + PATH + token(registrationId, visitEnd);
    }

    /**
     * The registration id of a ticket's token.
     *
     * @throws fr.usinesouvertes.events.registration.InvalidLinkException when it is malformed, forged, signed for
     *                                                                     another purpose or expired
     */
    public String verify(String token) {
        return links.verify(token);
    }
}
