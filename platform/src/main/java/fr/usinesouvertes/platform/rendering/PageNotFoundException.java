package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.annotation.PluginApi;
/**
 * Thrown by templating functions while a page renders to answer the site's 404 page instead, e.g. a
 * detail page whose item exists but must not be public (an unpublished event sheet).
 */
@PluginApi
public final class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message, null, false, false);
    }

    static boolean isCauseOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PageNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
