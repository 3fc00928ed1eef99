package fr.usinesouvertes.platform.rendering;

import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/**
 * Content inheritance between pages: a node's counterparts are the nodes at the same relative path
 * below each ancestor page ({@code /home/a/main/0} → {@code /home/main/0}), nearest page first.
 */
final class Inheritance {

    private Inheritance() {
    }

    static List<Node> counterparts(Node node) throws RepositoryException {
        Node page = NodeTypes.page(node);
        List<Node> found = new ArrayList<>();
        if (page == null) {
            return found;
        }
        String relative = node.getPath().substring(page.getPath().length());
        List<Node> ancestors = AreaComponents.ancestorPages(page);
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            String path = ancestors.get(i).getPath() + relative;
            if (node.getSession().nodeExists(path)) {
                found.add(node.getSession().getNode(path));
            }
        }
        return found;
    }
}
