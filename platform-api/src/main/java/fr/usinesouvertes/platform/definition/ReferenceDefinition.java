package fr.usinesouvertes.platform.definition;

import java.util.List;

/**
 * A reference a delivery endpoint resolves in place of a stored identifier.
 *
 * @param propertyName     the property's name, or a regular expression matching whole property names
 * @param resolver         {@code asset} (DAM asset, with renditions) or {@code jcr} (a node's JSON)
 * @param targetWorkspace  workspace of the referenced node ({@code dam} for assets)
 * @param expand           false: the stored value is kept as it is (the reference is not resolved)
 */
public record ReferenceDefinition(String name, String propertyName, String resolver, String targetWorkspace,
                                  List<String> assetRenditions, boolean expand) {

    /** A reference that is resolved. */
    public ReferenceDefinition(String name, String propertyName, String resolver, String targetWorkspace,
                               List<String> assetRenditions) {
        this(name, propertyName, resolver, targetWorkspace, assetRenditions, true);
    }
}
