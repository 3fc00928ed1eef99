package fr.usinesouvertes.events.survey;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.RegistrationLinks;
import java.time.Duration;
import java.time.Instant;

/**
 * The addresses of the after-visit survey: {@code <public-url>/enquete/<token>} ({@code /en/enquete/<token>} in
 * English), the token the registration's identifier with an expiry, signed for the survey's own purpose
 * ({@link RegistrationLinks#SURVEY_PURPOSE}): it opens neither the registration's page nor its ticket, and their
 * tokens do not open the survey. Valid until a month after the visit.
 */
public final class SurveyLinks {

    /** The survey pages' path, after the optional {@code /en}. */
    public static final String PATH = "/enquete/";
    private static final Duration KEPT_AFTER_VISIT = Duration.ofDays(31);

    private final RegistrationLinks links;

    /** @param links links signed for {@link RegistrationLinks#SURVEY_PURPOSE} */
    public SurveyLinks(RegistrationLinks links) {
        this.links = links;
    }

    /** @param siteUrl the site's address (a trailing slash is dropped) */
    public String url(String siteUrl, String registrationId, Instant visitEnd, Lang lang) {
        String base = siteUrl.endsWith("/") ? siteUrl.substring(0, siteUrl.length() - 1) : siteUrl;
        return base + (lang == Lang.EN ? "/en" : "") + PATH + links.sign(registrationId, visitEnd.plus(KEPT_AFTER_VISIT));
    }

    /**
     * The registration id of a survey token.
     *
     * @throws fr.usinesouvertes.events.registration.InvalidLinkException when malformed, forged, another purpose's or
     *                                                                     expired
     */
    public String verify(String token) {
        return links.verify(token);
    }
}
