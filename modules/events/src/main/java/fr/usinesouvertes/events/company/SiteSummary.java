package fr.usinesouvertes.events.company;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A site as the company space lists and edits it.
 *
 * @param slug   node name under {@code /sites}, also its public page {@code /usines/<slug>}
 * @param values the stored properties by {@link SiteForm#STORED} name (and {@link SiteForm#POSITION_SOURCE}), as text
 */
public record SiteSummary(String slug, String name, String commune, String region, Map<String, String> values) {

    /**
     * The values the site's form starts from: the commune with its postal code ("Longueau (80330)", which names it
     * again without ambiguity), and latitude and longitude only when they are the company's own position, not the
     * commune's centre (a site saved before positions were told apart shows what it has).
     */
    public Map<String, String> formValues() {
        Map<String, String> form = new LinkedHashMap<>(values);
        String postalCode = values.getOrDefault("postalCode", "");
        if (!commune.isEmpty() && !postalCode.isEmpty()) {
            form.put("commune", commune + " (" + postalCode + ")");
        }
        if ("commune".equals(values.get(SiteForm.POSITION_SOURCE))) {
            form.put("latitude", "");
            form.put("longitude", "");
        }
        return form;
    }
}
