package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * Builds the page editor's annotations of a page, as Magnolia's Pages module does for SPAs: node path →
 * the {@code cms:page}, {@code cms:area} or {@code cms:component} comment the editor turns into green bars.
 *
 * <p>Walks the page's template areas (nested ones too) and the components in them, with their own
 * templates' areas. An area without a node yet is created, as Magnolia does, in the read session, which
 * is never saved: the editor then has a path to add components to. Attribute order and names follow
 * Magnolia's {@code AreaElement}, {@code ComponentElement} and {@code InitElement}; labels are the
 * definitions' titles translated with the i18n messages (French by default).
 */
final class TemplateAnnotations {

    private static final String WEBSITE = "website";

    private final DefinitionRegistry registry;
    private final Workspaces workspaces;
    private final Map<String, String> annotations = new LinkedHashMap<>();

    private TemplateAnnotations(DefinitionRegistry registry, Workspaces workspaces) {
        this.registry = registry;
        this.workspaces = workspaces;
    }

    static Map<String, String> of(Node page, DefinitionRegistry registry, Workspaces workspaces)
            throws RepositoryException {
        TemplateAnnotations builder = new TemplateAnnotations(registry, workspaces);
        builder.page(page);
        return builder.annotations;
    }

    private void page(Node page) throws RepositoryException {
        Optional<TemplateDefinition> template = template(page);
        Comment comment = new Comment("cms:page").attribute("content", content(page));
        template.ifPresent(t -> comment.attribute("dialog", t.dialog()));
        annotations.put(path(page), comment.toString());
        if (template.isPresent()) {
            areas(page, template.get().areas());
        }
    }

    private void areas(Node parent, Map<String, AreaDefinition> areas) throws RepositoryException {
        if (areas == null) {
            return;
        }
        for (AreaDefinition area : areas.values()) {
            boolean created = parent.hasNode(area.name());
            Node node = created ? parent.getNode(area.name()) : generate(parent, area.name());
            if (node == null) {
                continue;
            }
            List<Node> components = components(node);
            Comment comment = new Comment("cms:area")
                    .attribute("content", content(node))
                    .attribute("name", area.name())
                    .attribute("availableComponents", area.acceptsComponents() && area.availableComponents() != null
                            ? String.join(",", area.availableComponents()) : "")
                    .attribute("type", area.type() != null ? area.type() : "list")
                    .attribute("dialog", area.dialog())
                    .attribute("label", label(area.title(), area.name()))
                    .attribute("inherit", String.valueOf(area.inheritance() != null))
                    .attribute("editable", area.editable() ? null : "false");
            if (area.optional()) {
                comment.attribute("optional", "true").attribute("created", String.valueOf(created));
            }
            comment.attribute("showAddButton", String.valueOf(showAddButton(area, components.size())))
                    .attribute("description", area.description());
            annotations.put(path(node), comment.toString());
            for (Node component : components) {
                component(component);
            }
            areas(node, area.areas());
        }
    }

    /** The missing area node, created unsaved as Magnolia does; null when the name cannot be a node. */
    private static Node generate(Node parent, String name) {
        try {
            return parent.addNode(name, "mgnl:area");
        } catch (RepositoryException | IllegalArgumentException e) {
            return null; // a definition error (bad area name): reported by the light-module loader, not here
        }
    }

    private void component(Node component) throws RepositoryException {
        Optional<TemplateDefinition> template = template(component);
        Comment comment = new Comment("cms:component").attribute("content", content(component));
        template.ifPresent(t -> comment.attribute("dialog", t.dialog()).attribute("label", label(t.title(), t.id())));
        annotations.put(path(component), comment.toString());
        if (template.isPresent()) {
            areas(component, template.get().areas());
        }
    }

    private static boolean showAddButton(AreaDefinition area, int components) {
        if (!area.acceptsComponents()) {
            return false;
        }
        if (area.isSingle()) {
            return components == 0;
        }
        return area.maxComponents() == null || components < area.maxComponents();
    }

    private static List<Node> components(Node area) throws RepositoryException {
        List<Node> components = new java.util.ArrayList<>();
        for (NodeIterator children = area.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (child.isNodeType("mgnl:component")) {
                components.add(child);
            }
        }
        return components;
    }

    private Optional<TemplateDefinition> template(Node node) throws RepositoryException {
        if (!node.hasProperty("mgnl:template")) {
            return Optional.empty();
        }
        return registry.template(node.getProperty("mgnl:template").getString());
    }

    private String label(String title, String fallback) {
        if (title == null || title.isBlank()) {
            return fallback;
        }
        return registry.messages().message(DeliveryLanguages.SITE.defaultLanguage(), title);
    }

    private String content(Node node) throws RepositoryException {
        return WEBSITE + ":" + path(node);
    }

    private String path(Node node) throws RepositoryException {
        return workspaces.toWorkspacePath(node.getPath());
    }

    /** One {@code cms:*} comment: a tag name and {@code name="value"} attributes, values HTML-escaped. */
    private static final class Comment {
        private final StringBuilder text;

        Comment(String tag) {
            this.text = new StringBuilder(tag);
        }

        Comment attribute(String name, String value) {
            if (value != null) {
                text.append(' ').append(name).append("=\"").append(escape(value)).append('"');
            }
            return this;
        }

        private static String escape(String value) {
            return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
