package fr.usinesouvertes.platform.module;

/**
 * Thrown by templating functions while a page renders to answer the site's 404 page instead, e.g. a
 * detail page whose item exists but must not be public (an unpublished event sheet).
 */
public final class PageNotFoundException extends RuntimeException {

    public PageNotFoundException(String message) {
        super(message, null, false, false);
    }
}
