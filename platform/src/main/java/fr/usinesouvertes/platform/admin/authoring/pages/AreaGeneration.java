package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * Magnolia's area {@code autoGeneration} with its {@code CopyGenerator}: when a page or a component is created, each of
 * its template's areas that names {@code autoGeneration.content} gets that content — each entry a child node
 * ({@code nodeType}, default {@code mgnl:component}; {@code templateId} its {@code mgnl:template}; other scalar entries
 * its properties, lists multi-valued; maps child nodes), so that the editor starts from the components the template
 * designer prepared. A generated component's own areas are generated too. Another {@code generatorClass} is reported
 * by the definition scan and generates nothing.
 */
final class AreaGeneration {

    static final String COPY_GENERATOR = "info.magnolia.rendering.generator.CopyGenerator";
    private static final int MAX_DEPTH = 8;

    private AreaGeneration() {
    }

    /** Generates the areas of {@code owner} (a page or a component) whose definition asks for it. */
    static void generate(Node owner, Map<String, AreaDefinition> areas, DefinitionRegistry registry, String by,
                         Clock clock) throws RepositoryException {
        generate(owner, areas, registry, by, clock, 0);
    }

    private static void generate(Node owner, Map<String, AreaDefinition> areas, DefinitionRegistry registry, String by,
                                 Clock clock, int depth) throws RepositoryException {
        if (depth > MAX_DEPTH) {
            return; // a component template generating itself
        }
        for (AreaDefinition area : areas.values()) {
            Map<String, Object> generation = map(area.properties().get("autoGeneration"));
            Object generator = generation.get("generatorClass");
            Map<String, Object> content = map(generation.get("content"));
            if (content.isEmpty() || (generator != null && !COPY_GENERATOR.equals(generator))) {
                continue;
            }
            Node areaNode = owner.hasNode(area.name()) ? owner.getNode(area.name()) : owner.addNode(area.name(), "mgnl:area");
            for (Map.Entry<String, Object> entry : content.entrySet()) {
                if (!areaNode.hasNode(entry.getKey()) && entry.getValue() instanceof Map<?, ?> node) {
                    Node created = copy(areaNode, entry.getKey(), map(node), true);
                    FormSubmission.touch(created, by, clock);
                    if (created.hasProperty("mgnl:template")) {
                        registry.template(created.getProperty("mgnl:template").getString()).ifPresent(template -> {
                            try {
                                generate(created, template.areas(), registry, by, clock, depth + 1);
                            } catch (RepositoryException e) {
                                throw new fr.usinesouvertes.platform.repository.RepositoryException(
                                        "Cannot generate the areas of " + entry.getKey(), e);
                            }
                        });
                    }
                }
            }
        }
    }

    private static Node copy(Node parent, String name, Map<String, Object> content, boolean component)
            throws RepositoryException {
        Object type = content.get("nodeType");
        Node node = parent.addNode(name, type != null ? type.toString() : component ? "mgnl:component" : "mgnl:contentNode");
        for (Map.Entry<String, Object> entry : content.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            if (key.equals("nodeType")) {
                continue;
            }
            if (key.equals("templateId")) {
                node.setProperty("mgnl:template", String.valueOf(value));
            } else if (value instanceof Map<?, ?> child) {
                copy(node, key, map(child), false);
            } else if (value instanceof List<?> list) {
                node.setProperty(key, list.stream().map(String::valueOf).toArray(String[]::new));
            } else if (value instanceof Boolean flag) {
                node.setProperty(key, flag);
            } else if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
                node.setProperty(key, number.longValue());
            } else if (value != null) {
                node.setProperty(key, String.valueOf(value));
            }
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
