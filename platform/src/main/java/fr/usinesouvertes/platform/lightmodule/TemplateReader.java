package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads page and component templates and their areas. The kind comes from {@code type: page|component},
 * else from the id's first folder ({@code pages/...}, {@code components/...}); a template in any other
 * folder is a component, as Magnolia's default template type is not a page.
 */
final class TemplateReader {

    private TemplateReader() {
    }

    static TemplateDefinition read(Map<String, Object> raw, DefinitionContext context) {
        String path = context.id().substring(context.id().indexOf(':') + 1);
        String type = Values.string(raw, "type");
        TemplateDefinition.Kind kind = "page".equals(type) || (type == null && path.startsWith("pages/"))
                ? TemplateDefinition.Kind.PAGE : TemplateDefinition.Kind.COMPONENT;
        String modelClass = Values.string(raw, "modelClass");
        if (modelClass != null && UnsupportedClassScanner.isUnsupported("modelClass", modelClass)) {
            modelClass = null; // reported by the scanner; the template renders without its model
        }
        return new TemplateDefinition(context.id(), kind, Values.string(raw, "title"),
                Values.string(raw, "description"), Values.string(raw, "templateScript"),
                renderType(raw), Values.string(raw, "dialog"),
                Values.bool(raw, "visible", true), areas(raw, "areas", context),
                Values.map(raw, "parameters"), modelClass, raw);
    }

    private static String renderType(Map<String, Object> raw) {
        String type = Values.string(raw, "$type");
        String fromType = "spa".equals(type) || "siteSpa".equals(type) ? type : "freemarker";
        return Values.string(raw, "renderType", fromType);
    }

    private static Map<String, AreaDefinition> areas(Map<String, Object> owner, String path, DefinitionContext context) {
        Map<String, AreaDefinition> areas = new LinkedHashMap<>();
        Values.named(owner.get("areas")).forEach((name, area) -> {
            if (Values.bool(area, "enabled", true)) { // Magnolia's 'enabled: false' removes an area, e.g. one a prototype adds
                areas.put(name, area(name, area, path + "." + name, context));
            }
        });
        return areas;
    }

    private static AreaDefinition area(String name, Map<String, Object> raw, String path, DefinitionContext context) {
        String type = Values.string(raw, "type", "list");
        if (!List.of("list", "single", "noComponent").contains(type)) {
            context.warning(path + ".type", "area type '" + type + "' is not list, single or noComponent; list is used");
            type = "list";
        }
        return new AreaDefinition(name, Values.string(raw, "title"), Values.string(raw, "description"), type,
                Values.integer(raw, "maxComponents"), availableComponents(raw, path, context),
                inheritance(raw), Values.string(raw, "templateScript"), Values.string(raw, "dialog"),
                Values.bool(raw, "createAreaNode", true), Values.bool(raw, "optional", false),
                Values.bool(raw, "editable", true), areas(raw, path + ".areas", context),
                Values.map(raw, "parameters"), raw);
    }

    /** Ids in definition order, from the map form ({@code name: {id: ...}}) or a list of ids or of {@code {id}} maps. */
    private static List<String> availableComponents(Map<String, Object> area, String path, DefinitionContext context) {
        Object value = area.get("availableComponents");
        List<Object> items = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> items.add(v instanceof Map<?, ?> ? v : k));
        } else if (value instanceof List<?> list) {
            items.addAll(list);
        }
        List<String> ids = new ArrayList<>();
        for (Object item : items) {
            Object id = item instanceof Map<?, ?> m ? m.get("id") : item;
            if (id == null || id instanceof Map<?, ?> || id instanceof List<?>) {
                context.warning(path + ".availableComponents", "an available component has no id");
            } else if (!ids.contains(String.valueOf(id))) {
                ids.add(String.valueOf(id));
            }
        }
        return ids;
    }

    /** {@code null} unless {@code inheritance.enabled}; then {@code components} ({@code filtered} by default, as Magnolia). */
    private static String inheritance(Map<String, Object> area) {
        Map<String, Object> inheritance = Values.map(area, "inheritance");
        if (!Values.bool(inheritance, "enabled", false)) {
            return null;
        }
        return Values.string(inheritance, "components", "filtered");
    }
}
