package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The page of the site that shows a workspace's items as details (its template's {@code parameters.detailWorkspace}),
 * as the site finds it: the first such page in document order below the site root, which lists its items at
 * {@code <page>/<item name>}.
 */
public final class DetailPages {

    private DetailPages() {
    }

    /** The site path ({@code /salle-de-presse}) of the detail page of {@code workspace}'s items, if the site has one. */
    public static Optional<String> of(Session session, DefinitionRegistry registry, String workspace) throws RepositoryException {
        if (!session.nodeExists("/website")) {
            return Optional.empty();
        }
        for (NodeIterator roots = session.getNode("/website").getNodes(); roots.hasNext(); ) {
            Node root = roots.nextNode();
            if (root.isNodeType("mgnl:page")) {
                Node found = find(root, registry, workspace);
                return found == null ? Optional.empty()
                        : Optional.of(found.getPath().equals(root.getPath()) ? "" : found.getPath().substring(root.getPath().length()));
            }
        }
        return Optional.empty();
    }

    private static Node find(Node page, DefinitionRegistry registry, String workspace) throws RepositoryException {
        String template = page.hasProperty("mgnl:template") ? page.getProperty("mgnl:template").getString() : null;
        Object shown = template == null ? null : registry.template(template).map(TemplateDefinition::parameters)
                .map(parameters -> parameters.get("detailWorkspace")).orElse(null);
        if (shown != null && workspace.equals(shown.toString())) {
            return page;
        }
        for (NodeIterator children = page.getNodes(); children.hasNext(); ) {
            Node child = children.nextNode();
            if (child.isNodeType("mgnl:page")) {
                Node found = find(child, registry, workspace);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
