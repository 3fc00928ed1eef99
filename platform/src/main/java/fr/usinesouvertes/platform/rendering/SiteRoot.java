package fr.usinesouvertes.platform.rendering;

import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Finds the site root: the first top-level {@code mgnl:page} of workspace {@code website}, in document
 * order. Magnolia maps a site to a root page through its {@code sites/} configuration; until the
 * platform reads that, the first root page is the site (what a single-site Magnolia install shows). The back office
 * asks {@link #isSiteRoot} to keep every site root from being deleted, renamed or moved.
 */
public final class SiteRoot {

    private SiteRoot() {
    }

    /** The site root below {@code website}, the JCR path of workspace {@code website} in the request's stage. */
    static Optional<Node> find(Session session, String website) {
        try {
            if (!session.nodeExists(website)) {
                return Optional.empty();
            }
            for (NodeIterator it = session.getNode(website).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (node.isNodeType(NodeTypes.PAGE)) {
                    return Optional.of(node);
                }
            }
            return Optional.empty();
        } catch (RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot find the site root", e);
        }
    }

    /** Whether {@code page}, a node of the drafts' {@code /website}, is the root of a site the platform serves. */
    public static boolean isSiteRoot(Node page) throws RepositoryException {
        if (page.getDepth() != 2 || !page.getParent().getPath().equals("/website")) {
            return false;
        }
        return find(page.getSession(), "/website").map(root -> {
            try {
                return root.isSame(page);
            } catch (RepositoryException e) {
                throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot compare with the site root", e);
            }
        }).orElse(false);
    }
}
