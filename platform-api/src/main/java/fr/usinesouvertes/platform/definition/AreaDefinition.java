package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * An area of a page or component template.
 *
 * @param type                 {@code list} (default), {@code single} or {@code noComponent}
 * @param availableComponents  ids of the component templates allowed in it, in definition order
 * @param inheritance          {@code null} when not inherited, else {@code all} or {@code filtered}
 */
public record AreaDefinition(String name, String title, String description, String type, Integer maxComponents,
                             List<String> availableComponents, String inheritance, String templateScript,
                             String dialog, boolean createAreaNode, boolean optional, boolean editable,
                             Map<String, AreaDefinition> areas, Map<String, Object> parameters,
                             Map<String, Object> properties) {

    public boolean isSingle() {
        return "single".equals(type);
    }

    public boolean acceptsComponents() {
        return !"noComponent".equals(type);
    }
}
