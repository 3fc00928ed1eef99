package fr.usinesouvertes.events.company;

import java.util.Map;

/**
 * A site as the company space lists and edits it.
 *
 * @param slug   node name under {@code /sites}, also its public page {@code /usines/<slug>}
 * @param values the stored fields by {@link SiteForm#FIELDS} name, as text
 */
public record SiteSummary(String slug, String name, String commune, String region, Map<String, String> values) {
}
