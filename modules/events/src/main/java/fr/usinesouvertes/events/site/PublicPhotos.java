package fr.usinesouvertes.events.site;

import java.util.List;

/**
 * The photos a company gave of its site, as the public site shows them: nothing until the site's event sheet is
 * published. The company space provides them; the public site only shows them.
 */
@FunctionalInterface
public interface PublicPhotos {

    /** A photo's public address and its text alternative. */
    record Photo(String url, String alt) {
    }

    /** The public photos of the site {@code slug}, in order; empty when there are none to show. */
    List<Photo> of(String slug);
}
