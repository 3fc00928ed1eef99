package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.Lang;
import java.time.Duration;
import java.time.Instant;

/**
 * The absolute address of a registration's "view or cancel" page: the public site's address, the
 * language's form path and a signed token valid until a month after the visit.
 */
public final class ManageLinks {

    /** The French pages; English ones are under {@code /en}. */
    public static final String FRENCH_PATH = "/inscription/gestion/";
    public static final String ENGLISH_PATH = "/en/inscription/gestion/";
    private static final Duration KEPT_AFTER_VISIT = Duration.ofDays(31);

    private final RegistrationLinks links;

    public ManageLinks(RegistrationLinks links) {
        this.links = links;
    }

    /** @param publicUrl the site's address without a trailing slash, e.g. {@code https://journees-usines-ouvertes.fr} */
    public String link(String publicUrl, String registrationId, Instant visitEnd, Lang lang) {
        String token = links.sign(registrationId, visitEnd.plus(KEPT_AFTER_VISIT));
        return stripSlash(publicUrl) + (lang == Lang.EN ? ENGLISH_PATH : FRENCH_PATH) + token;
    }

    /** The registration id of a token, see {@link RegistrationLinks#verify}. */
    public String verify(String token) {
        return links.verify(token);
    }

    static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
