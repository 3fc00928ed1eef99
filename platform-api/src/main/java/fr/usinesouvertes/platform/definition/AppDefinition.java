package fr.usinesouvertes.platform.definition;

import java.util.Map;

/**
 * An app, usually generated from a content type with {@code !content-type:<name>}; {@code overrides}
 * holds the keys written after the directive (e.g. {@code subApps.detail.form}).
 */
public record AppDefinition(String id, String name, String label, String icon, String contentType,
                            Map<String, Object> overrides) {
}
