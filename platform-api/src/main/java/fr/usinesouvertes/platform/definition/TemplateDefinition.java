package fr.usinesouvertes.platform.definition;

import java.util.Map;

/**
 * A page or component template.
 *
 * @param kind          page or component: from the {@code type} key, else the id's first folder
 *                      ({@code pages/...} or {@code components/...})
 * @param renderType    {@code freemarker} (default), {@code spa}, ...; {@code $type: spa} or {@code siteSpa} when
 *                      {@code renderType} is absent
 * @param areas         in definition order
 */
public record TemplateDefinition(String id, Kind kind, String title, String description, String templateScript,
                                 String renderType, String dialog, boolean visible,
                                 Map<String, AreaDefinition> areas, Map<String, Object> parameters,
                                 String modelClass, Map<String, Object> properties) {

    public enum Kind { PAGE, COMPONENT }

    public String module() {
        return id.substring(0, id.indexOf(':'));
    }

    public boolean isPage() {
        return kind == Kind.PAGE;
    }

    /**
     * Whether a front end renders the template (Magnolia's {@code renderType: spa}, or {@code $type: spa} /
     * {@code siteSpa}): the server serves the front end's built page, never runs its script as FreeMarker.
     */
    public boolean isFrontEnd() {
        return "spa".equals(renderType) || "siteSpa".equals(renderType);
    }

    /**
     * Where the front end that renders this page template runs, when it is hosted apart from the platform
     * (Magnolia's {@code baseUrl}, e.g. {@code http://localhost:3000}; with {@code siteSpa}, from the site's
     * templates prototype): the page editor shows the page from there. Null when not set.
     */
    public String frontEndBaseUrl() {
        Object value = properties == null ? null : properties.get("baseUrl");
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    /**
     * The front end's address of a page below {@link #frontEndBaseUrl()} (Magnolia's {@code routeTemplate}):
     * {@code {language}} stands for the language and {@code {{@path}}} for the page's path; by default the path alone.
     */
    public String frontEndRouteTemplate() {
        Object value = properties == null ? null : properties.get("routeTemplate");
        return value == null || value.toString().isBlank() ? "{{@path}}" : value.toString().trim();
    }
}
