package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.definition.AreaDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.Jsoup;

/**
 * The components in the areas of a page: listed per area as the page's template defines them, added
 * (only the area's {@code availableComponents}, up to {@code maxComponents}), moved up or down and removed,
 * on a session the caller saves.
 */
public final class PageComponents {

    private final Supplier<DefinitionRegistry> definitions;
    private final Clock clock;

    public PageComponents(Supplier<DefinitionRegistry> definitions, Clock clock) {
        this.definitions = definitions;
        this.clock = clock;
    }

    /** An area of the page: its definition, the templates it accepts and its components in order. */
    public record Area(String name, String title, List<TemplateDefinition> available, List<Component> components,
                       boolean full) {
    }

    /**
     * A component of an area.
     *
     * @param path    path inside {@code website}
     * @param summary the start of its title or text, to recognise it in the list
     */
    public record Component(String path, String name, String templateId, String templateTitle, String summary,
                            boolean hasDialog) {
    }

    /** The areas of a page that accept components, in definition order. */
    public List<Area> areas(Session session, String pagePath) throws RepositoryException {
        Node page = PageOperations.existingPage(session, pagePath);
        List<Area> areas = new ArrayList<>();
        Optional<TemplateDefinition> template = definitions.get().template(PageTree.template(page));
        if (template.isEmpty()) {
            return areas;
        }
        for (AreaDefinition area : template.get().areas().values()) {
            if (!area.acceptsComponents()) {
                continue;
            }
            List<Component> components = new ArrayList<>();
            if (page.hasNode(area.name())) {
                for (NodeIterator nodes = page.getNode(area.name()).getNodes(); nodes.hasNext(); ) {
                    Node node = nodes.nextNode();
                    if (node.isNodeType("mgnl:component")) {
                        components.add(component(node));
                    }
                }
            }
            List<TemplateDefinition> available = area.availableComponents().stream()
                    .map(id -> definitions.get().template(id)).flatMap(Optional::stream).toList();
            areas.add(new Area(area.name(), area.title() == null ? area.name() : area.title(), available, components,
                    components.size() >= max(area)));
        }
        return areas;
    }

    /** Adds a component at the end of an area; returns its path. */
    public String add(Session session, String pagePath, String areaName, String templateId, String by)
            throws RepositoryException {
        Node page = PageOperations.existingPage(session, pagePath);
        AreaDefinition area = definitions.get().template(PageTree.template(page))
                .map(t -> t.areas().get(areaName)).filter(AreaDefinition::acceptsComponents)
                .orElseThrow(() -> AuthoringException.notFound("Zone introuvable : " + areaName, "Area not found: " + areaName));
        if (!area.availableComponents().contains(templateId)) {
            throw AuthoringException.invalid("Ce composant n'est pas autorisé dans cette zone.",
                    "This component is not allowed in this area.");
        }
        Node areaNode = page.hasNode(areaName) ? page.getNode(areaName) : page.addNode(areaName, "mgnl:area");
        if (areaNode.getNodes().getSize() >= max(area)) {
            throw AuthoringException.invalid("Cette zone est pleine.", "This area is full.");
        }
        int next = 0;
        while (areaNode.hasNode(String.valueOf(next))) {
            next++;
        }
        Node component = areaNode.addNode(String.valueOf(next), "mgnl:component");
        component.setProperty("mgnl:template", templateId);
        FormSubmission.touch(component, by, clock);
        DefinitionRegistry registry = definitions.get();
        Map<String, AreaDefinition> componentAreas = registry.template(templateId).map(t -> t.areas()).orElse(Map.of());
        AreaGeneration.generate(component, componentAreas, registry, by, clock);
        FormSubmission.touch(page, by, clock);
        return component.getPath().substring("/website".length());
    }

    /** Moves a component one place up or down in its area; at either end nothing moves. */
    public void move(Session session, String componentPath, boolean up, String by) throws RepositoryException {
        Node component = component(session, componentPath);
        Node area = component.getParent();
        List<String> names = new ArrayList<>();
        for (NodeIterator nodes = area.getNodes(); nodes.hasNext(); ) {
            names.add(nodes.nextNode().getName());
        }
        int index = names.indexOf(component.getName());
        if (up && index > 0) {
            area.orderBefore(component.getName(), names.get(index - 1));
        } else if (!up && index >= 0 && index < names.size() - 1) {
            area.orderBefore(names.get(index + 1), component.getName());
        }
        FormSubmission.touch(area.getParent(), by, clock);
    }

    /** Removes a component. */
    public void delete(Session session, String componentPath, String by) throws RepositoryException {
        Node component = component(session, componentPath);
        Node page = component.getParent().getParent();
        component.remove();
        FormSubmission.touch(page, by, clock);
    }

    /** The component node at a path inside {@code website}. */
    public static Node component(Session session, String path) throws RepositoryException {
        String jcrPath = "/website" + path;
        if (path == null || !PageOperations.safe(path) || !session.nodeExists(jcrPath)
                || !session.getNode(jcrPath).isNodeType("mgnl:component")) {
            throw AuthoringException.notFound("Composant introuvable.", "Component not found.");
        }
        return session.getNode(jcrPath);
    }

    private Component component(Node node) throws RepositoryException {
        String templateId = PageTree.template(node);
        Optional<TemplateDefinition> template = definitions.get().template(templateId);
        String summary = "";
        for (String property : List.of("title", "text", "kicker", "label")) {
            if (node.hasProperty(property)) {
                summary = Jsoup.parse(node.getProperty(property).getString()).text();
                break;
            }
        }
        if (summary.length() > 80) {
            summary = summary.substring(0, 79) + "…";
        }
        return new Component(node.getPath().substring("/website".length()), node.getName(), templateId,
                template.map(t -> t.title() == null ? templateId : t.title()).orElse(templateId), summary,
                template.map(t -> t.dialog() != null).orElse(false));
    }

    private static int max(AreaDefinition area) {
        if (area.isSingle()) {
            return 1;
        }
        return area.maxComponents() == null ? Integer.MAX_VALUE : area.maxComponents();
    }
}
