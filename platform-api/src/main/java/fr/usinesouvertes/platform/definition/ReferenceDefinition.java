package fr.usinesouvertes.platform.definition;

import java.util.List;

/**
 * A reference a delivery endpoint resolves in place of a stored identifier.
 *
 * @param resolver         {@code asset} (DAM asset, with renditions) or {@code jcr} (a node's JSON)
 * @param targetWorkspace  workspace of the referenced node ({@code dam} for assets)
 */
public record ReferenceDefinition(String name, String propertyName, String resolver, String targetWorkspace,
                                  List<String> assetRenditions) {
}
