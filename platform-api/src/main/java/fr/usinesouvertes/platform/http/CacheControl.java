package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Duration;

/** The {@code Cache-Control} values the platform and its modules answer with, one per kind of answer. */
@PluginApi
public final class CacheControl {

    /** A personal or one-time answer (a form carrying a token, a registrant's page, the back office): never stored. */
    public static final String NO_STORE = "no-store";
    /** A personal file (an export, a company's own photo): never stored, by the browser or any shared cache. */
    public static final String PRIVATE = "private, no-store";
    /** A personal answer a browser may keep but must revalidate at each use (a draft rendition in the back office). */
    public static final String PRIVATE_REVALIDATE = "private, no-cache";
    /** A public answer that follows the content: kept, but revalidated at each use (ETag or Last-Modified → 304). */
    public static final String REVALIDATE = "no-cache";
    /** A public page: shared caches may serve it for a minute, then revalidate. */
    public static final String PAGE = "public, max-age=60, must-revalidate";
    /** A file whose address changes with its content (a fingerprint in its name): kept a year. */
    public static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private CacheControl() {
    }

    /** A public file kept for {@code maxAge} by browsers and shared caches. */
    public static String publicFor(Duration maxAge) {
        return "public, max-age=" + maxAge.toSeconds();
    }
}
