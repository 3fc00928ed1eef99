package fr.usinesouvertes.platform.rendering;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * The comments the page editor reads in a draft page ({@link RenderContext#editBars()}), as Magnolia's page editor
 * does: {@code <!-- cms:area {json} -->…<!-- /cms:area -->} around an area that takes components, and
 * {@code <!-- cms:component {json} -->…<!-- /cms:component -->} around each component. The JSON names the node, its
 * dialog and, for an area, the components it may take; any {@code -}, {@code <} or {@code >} in it is written as a
 * JSON escape, so no value can close the comment.
 */
final class EditBars {

    static final String AREA_END = "<!-- /cms:area -->";
    static final String COMPONENT_END = "<!-- /cms:component -->";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EditBars() {
    }

    /**
     * The opening comment of an area of {@code owner}: its name and title, whether it is the page's own (the editor
     * adds components only there), its type, its components' count and maximum, and the templates it accepts.
     */
    static String areaStart(Node owner, AreaDefinition area, int components, DefinitionRegistry registry) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("owner", path(owner));
        data.put("name", area.name());
        data.put("title", area.title() == null ? area.name() : area.title());
        data.put("pageArea", isPage(owner));
        data.put("type", area.isSingle() ? "single" : "list");
        data.put("components", components);
        data.put("max", area.maxComponents() == null ? (area.isSingle() ? Integer.valueOf(1) : null) : area.maxComponents());
        List<Map<String, String>> available = new ArrayList<>();
        for (String id : area.availableComponents() == null ? List.<String>of() : area.availableComponents()) {
            String title = registry.template(id).map(TemplateDefinition::title).orElse(null);
            available.add(Map.of("id", id, "title", title == null ? id : title));
        }
        data.put("available", available);
        return "<!-- cms:area " + json(data) + " -->";
    }

    static String componentStart(Node component, TemplateDefinition template) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("content", path(component));
        data.put("template", template.id());
        data.put("title", template.title() == null ? template.id() : template.title());
        data.put("dialog", template.dialog() != null);
        return "<!-- cms:component " + json(data) + " -->";
    }

    private static boolean isPage(Node node) {
        try {
            return node.isNodeType(NodeTypes.PAGE);
        } catch (RepositoryException e) {
            return false;
        }
    }

    private static String path(Node node) {
        return TemplateRenderer.pathOf(node);
    }

    private static String json(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data).replace("-", "\\u002d").replace("<", "\\u003c").replace(">", "\\u003e");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the page editor's comment", e);
        }
    }
}
