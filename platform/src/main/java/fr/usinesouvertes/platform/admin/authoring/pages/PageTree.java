package fr.usinesouvertes.platform.admin.authoring.pages;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The page tree of {@code website} as the pages app lists it: top-level pages, and the children of the
 * pages the editor expanded (kept in the URL, so expanding works without JavaScript).
 */
public final class PageTree {

    private PageTree() {
    }

    /**
     * A row of the tree.
     *
     * @param path path inside {@code website}
     */
    public record Row(String path, String name, String title, String template, int depth, boolean hasChildren,
                      boolean expanded) {
    }

    /** The rows to show, in tree order. */
    public static List<Row> rows(Session session, Set<String> expanded) throws RepositoryException {
        List<Row> rows = new ArrayList<>();
        add(session.getNode("/website"), 0, expanded, rows);
        return rows;
    }

    private static void add(Node parent, int depth, Set<String> expanded, List<Row> rows) throws RepositoryException {
        for (NodeIterator nodes = parent.getNodes(); nodes.hasNext(); ) {
            Node page = nodes.nextNode();
            if (!page.isNodeType("mgnl:page")) {
                continue;
            }
            String path = page.getPath().substring("/website".length());
            boolean open = expanded.contains(path);
            rows.add(new Row(path, page.getName(), title(page), template(page), depth, hasSubPages(page), open));
            if (open) {
                add(page, depth + 1, expanded, rows);
            }
        }
    }

    static boolean hasSubPages(Node page) throws RepositoryException {
        for (NodeIterator nodes = page.getNodes(); nodes.hasNext(); ) {
            if (nodes.nextNode().isNodeType("mgnl:page")) {
                return true;
            }
        }
        return false;
    }

    static String title(Node node) throws RepositoryException {
        return node.hasProperty("title") ? node.getProperty("title").getString() : node.getName();
    }

    static String template(Node node) throws RepositoryException {
        return node.hasProperty("mgnl:template") ? node.getProperty("mgnl:template").getString() : "";
    }
}
