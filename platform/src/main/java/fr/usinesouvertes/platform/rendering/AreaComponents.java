package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.definition.AreaDefinition;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * The components an area shows: its own, preceded, for an inherited area of a page, by those of the
 * same-named area of each ancestor page (site root first), as Magnolia's area inheritance does. With
 * {@code components: filtered} only ancestors' components whose {@code inheritable} property is true
 * are taken; with {@code all}, every one.
 */
final class AreaComponents {

    private AreaComponents() {
    }

    static List<Node> of(Node owner, Node areaNode, AreaDefinition area, RenderContext context) {
        List<Node> components = new ArrayList<>();
        try {
            if (area.inheritance() != null && owner.isNodeType(NodeTypes.PAGE)) {
                boolean filtered = "filtered".equals(area.inheritance());
                for (Node ancestor : ancestorPages(owner)) {
                    if (ancestor.hasNode(area.name())) {
                        for (Node component : components(ancestor.getNode(area.name()))) {
                            if (!filtered || NodeTypes.bool(component, "inheritable")) {
                                components.add(component);
                            }
                        }
                    }
                }
            }
            if (areaNode != null) {
                components.addAll(components(areaNode));
            }
        } catch (RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException(
                    "Cannot read area " + area.name() + " of " + TemplateRenderer.pathOf(owner), e);
        }
        return components;
    }

    /** The ancestor pages of a page, top-most first, within its workspace. */
    static List<Node> ancestorPages(Node page) throws RepositoryException {
        List<Node> ancestors = new ArrayList<>();
        Node current = page;
        while (ContentStage.depth(current) > 2) {
            current = current.getParent();
            if (current.isNodeType(NodeTypes.PAGE)) {
                ancestors.add(0, current);
            }
        }
        return ancestors;
    }

    private static List<Node> components(Node area) throws RepositoryException {
        List<Node> components = new ArrayList<>();
        for (NodeIterator it = area.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.COMPONENT)) {
                components.add(child);
            }
        }
        return components;
    }
}
