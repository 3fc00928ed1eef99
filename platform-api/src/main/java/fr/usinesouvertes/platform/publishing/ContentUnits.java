package fr.usinesouvertes.platform.publishing;

import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * What is published together: a <em>unit</em> (a page, folder, asset or content item: a node of type
 * {@code mgnl:content} or any node directly in a workspace root or a folder) is published on its own; every
 * other node (area, component, resource, a content item's sub-model) is a <em>part</em> of the unit above it
 * and is published with it.
 */
final class ContentUnits {

    static final String CONTENT = "mgnl:content";
    static final String FOLDER = "mgnl:folder";

    private ContentUnits() {
    }

    /** Whether a node is content at all: access-control policies ({@code rep:policy}) and protected nodes are not. */
    static boolean isContent(Node node) throws RepositoryException {
        return !node.getName().startsWith("rep:") && !node.getDefinition().isProtected();
    }

    static boolean isUnit(Node node) throws RepositoryException {
        if (node.isNodeType(CONTENT)) {
            return true;
        }
        if (node.getDepth() <= 1) {
            return false;
        }
        Node parent = node.getParent();
        return ContentStage.depth(parent) == 1 && !parent.getPath().startsWith(PublishingTree.ROOT)
                || parent.isNodeType(FOLDER);
    }
}
