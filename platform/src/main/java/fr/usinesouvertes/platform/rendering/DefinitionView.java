package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A template or area definition as templates read it ({@code def.title}, {@code def.parameters.x},
 * {@code def.areas.main.type}): the merged YAML, with the typed values on top.
 */
final class DefinitionView {

    private DefinitionView() {
    }

    static Map<String, Object> of(TemplateDefinition definition) {
        Map<String, Object> view = raw(definition.properties());
        view.put("id", definition.id());
        view.put("name", definition.id().substring(definition.id().indexOf(':') + 1));
        putIfNotNull(view, "title", definition.title());
        putIfNotNull(view, "description", definition.description());
        putIfNotNull(view, "templateScript", definition.templateScript());
        view.put("renderType", definition.renderType() == null ? "freemarker" : definition.renderType());
        putIfNotNull(view, "dialog", definition.dialog());
        view.put("visible", definition.visible());
        view.put("type", definition.kind() == TemplateDefinition.Kind.PAGE ? "page" : "component");
        view.put("parameters", definition.parameters() == null ? Map.of() : definition.parameters());
        view.put("areas", areas(definition.areas()));
        return view;
    }

    static Map<String, Object> of(AreaDefinition area) {
        Map<String, Object> view = raw(area.properties());
        view.put("name", area.name());
        putIfNotNull(view, "title", area.title());
        putIfNotNull(view, "description", area.description());
        view.put("type", area.type() == null ? "list" : area.type());
        putIfNotNull(view, "maxComponents", area.maxComponents());
        putIfNotNull(view, "templateScript", area.templateScript());
        putIfNotNull(view, "dialog", area.dialog());
        view.put("parameters", area.parameters() == null ? Map.of() : area.parameters());
        view.put("areas", areas(area.areas()));
        return view;
    }

    private static Map<String, Object> areas(Map<String, AreaDefinition> areas) {
        Map<String, Object> views = new LinkedHashMap<>();
        if (areas != null) {
            areas.forEach((name, area) -> views.put(name, of(area)));
        }
        return views;
    }

    private static Map<String, Object> raw(Map<String, Object> properties) {
        return properties == null ? new LinkedHashMap<>() : new LinkedHashMap<>(properties);
    }

    private static void putIfNotNull(Map<String, Object> view, String key, Object value) {
        if (value != null) {
            view.put(key, value);
        }
    }
}
