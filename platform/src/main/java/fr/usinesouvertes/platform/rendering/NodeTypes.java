package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.ContentStage;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** Magnolia's node type and property names used while rendering, and null-safe checks on them. */
final class NodeTypes {

    static final String PAGE = "mgnl:page";
    static final String AREA = "mgnl:area";
    static final String COMPONENT = "mgnl:component";
    static final String FOLDER = "mgnl:folder";
    static final String ASSET = "mgnl:asset";
    static final String TEMPLATE = "mgnl:template";

    private NodeTypes() {
    }

    static boolean is(Node node, String type) {
        try {
            return node != null && node.isNodeType(type);
        } catch (RepositoryException e) {
            return false;
        }
    }

    static String template(Node node) {
        try {
            return node.hasProperty(TEMPLATE) ? node.getProperty(TEMPLATE).getString() : null;
        } catch (RepositoryException e) {
            return null;
        }
    }

    static String string(Node node, String property) {
        try {
            return node != null && node.hasProperty(property) ? node.getProperty(property).getString() : null;
        } catch (RepositoryException e) {
            return null;
        }
    }

    static boolean bool(Node node, String property) {
        try {
            return node != null && node.hasProperty(property) && node.getProperty(property).getBoolean();
        } catch (RepositoryException e) {
            return false;
        }
    }

    /** The nearest ancestor-or-self page, or null. */
    static Node page(Node node) {
        try {
            Node current = node;
            while (current != null && ContentStage.depth(current) > 1) {
                if (current.isNodeType(PAGE)) {
                    return current;
                }
                current = current.getParent();
            }
            return null;
        } catch (RepositoryException e) {
            return null;
        }
    }
}
