package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.rendering.AssetLinks;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The choices of link fields, read from the repository: pages of {@code website} (indented by depth),
 * assets of {@code dam} (with a thumbnail link for images) and items of another workspace.
 */
public final class FieldChoices {

    private static final int LIMIT = 2_000;

    private FieldChoices() {
    }

    /** A choice: the stored value, a label, and for images the link of a thumbnail. */
    public record Choice(String value, String label, String thumbnail) {
    }

    public static List<Choice> of(FormField field, Session session) throws RepositoryException {
        List<Choice> choices = new ArrayList<>();
        switch (field.kind()) {
            case PAGE_LINK -> walk(session, "/website", 0, choices, "mgnl:page", false);
            case ASSET_LINK -> walk(session, "/dam", 0, choices, "mgnl:asset", true);
            case LINK -> {
                if (field.workspace() != null && session.nodeExists("/" + field.workspace())) {
                    walk(session, "/" + field.workspace(), 0, choices, null, false);
                }
            }
            default -> {
                // options come from the definition
            }
        }
        return choices;
    }

    private static void walk(Session session, String path, int depth, List<Choice> choices, String type, boolean asset)
            throws RepositoryException {
        for (NodeIterator nodes = session.getNode(path).getNodes(); nodes.hasNext() && choices.size() < LIMIT; ) {
            Node node = nodes.nextNode();
            if (node.getName().startsWith("jcr:") || node.getName().startsWith("rep:")
                    || node.isNodeType("mgnl:area") || node.isNodeType("mgnl:component")) {
                continue;
            }
            boolean matches = type == null ? node.isNodeType("mgnl:content") : node.isNodeType(type);
            if (matches) {
                String indent = "\u00a0\u00a0".repeat(depth);
                String value = asset ? "jcr:" + node.getIdentifier() : node.getIdentifier();
                String thumbnail = asset && isImage(node) ? AssetLinks.link(node) : null;
                String label = asset ? node.getPath().substring("/dam".length()) : indent + title(node);
                choices.add(new Choice(value, label, thumbnail));
            }
            if (!asset || !node.isNodeType("mgnl:asset")) {
                walk(session, node.getPath(), depth + 1, choices, type, asset);
            }
        }
    }

    private static String title(Node node) throws RepositoryException {
        for (String property : List.of("title", "name", "company")) {
            if (node.hasProperty(property)) {
                return node.getProperty(property).getString() + " (" + node.getName() + ")";
            }
        }
        return node.getName();
    }

    private static boolean isImage(Node asset) throws RepositoryException {
        if (!asset.hasNode("jcr:content")) {
            return false;
        }
        Node resource = asset.getNode("jcr:content");
        return resource.hasProperty("jcr:mimeType") && resource.getProperty("jcr:mimeType").getString().startsWith("image/");
    }
}
