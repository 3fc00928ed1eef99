package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.repository.NodesByIdentifier;
import fr.usinesouvertes.platform.repository.Workspaces;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.query.Query;
import javax.jcr.query.QueryManager;

/**
 * Which copy of the editorial content a reader sees: {@link #PUBLIC} (the site, the Delivery API, assets,
 * search) reads workspace {@code w} from its published copy {@code /live/w} and resolves a draft uuid to
 * the live node carrying it in {@value #SOURCE_ID}; {@link #DRAFT} (the back office's preview) reads the
 * authoring tree {@code /w}. Workspaces not under publishing (no {@code /live/w}, e.g. the events module's)
 * read the same in both stages.
 */
@PluginApi
public final class ContentStage {

    /** The root of the published copies: workspace {@code w} is published at {@code /live/w}. */
    public static final String LIVE_ROOT = "/live";
    /** The property of a live node holding the uuid of its draft, which stays its public id. */
    public static final String SOURCE_ID = "uo:sourceId";
    /** The namespace of the platform's own properties. */
    public static final String NAMESPACE_PREFIX = "uo";
    public static final String NAMESPACE_URI = "urn:usines-ouvertes:platform";

    /** What the public sees: published copies only. */
    public static final ContentStage PUBLIC = new ContentStage(true);
    /** What editors work on: the drafts. */
    public static final ContentStage DRAFT = new ContentStage(false);

    private static final String LIVE_PREFIX = LIVE_ROOT + "/";

    private final boolean published;

    private ContentStage(boolean published) {
        this.published = published;
    }

    public boolean isPublic() {
        return published;
    }

    /** The JCR path of {@code path} inside {@code workspace} as this stage sees it. */
    public String toJcrPath(Session session, Workspaces workspaces, String workspace, String path)
            throws RepositoryException {
        String draft = workspaces.toJcrPath(workspace, path);
        if (published && session.nodeExists(LIVE_ROOT + "/" + workspace)) {
            return LIVE_ROOT + draft;
        }
        return draft;
    }

    /**
     * The node a (draft) uuid names in this stage: in {@link #PUBLIC}, its live copy, or the node itself
     * when its workspace is not under publishing; {@link ItemNotFoundException} when there is none.
     */
    public Node nodeByIdentifier(Session session, String id) throws RepositoryException {
        if (!published) {
            return NodesByIdentifier.find(session, id);
        }
        Node live = liveCopy(session, id);
        if (live != null) {
            return live;
        }
        Node node = NodesByIdentifier.find(session, id);
        String path = node.getPath();
        if (isLive(path) || !session.nodeExists(LIVE_ROOT + "/" + workspaceOf(path))) {
            return node;
        }
        throw new ItemNotFoundException("No published node " + id);
    }

    /** The live node whose draft has uuid {@code id}, or null (found through the {@value #SOURCE_ID} index). */
    public static Node liveCopy(Session session, String id) throws RepositoryException {
        if (id == null || id.isBlank() || id.indexOf('\'') >= 0) {
            return null;
        }
        QueryManager queries = session.getWorkspace().getQueryManager();
        Query query = queries.createQuery("SELECT * FROM [nt:base] WHERE [" + SOURCE_ID + "] = $id",
                Query.JCR_SQL2);
        query.bindValue("id", session.getValueFactory().createValue(id));
        query.setLimit(1);
        NodeIterator nodes = query.execute().getNodes();
        return nodes.hasNext() ? nodes.nextNode() : null;
    }

    /**
     * The public id of a node: its draft's uuid for a live node (pages, items, and their areas, components and
     * sub-nodes alike: every published node carries {@value #SOURCE_ID}), else its own uuid. A live part published
     * before parts carried it is matched to its draft by its path below the nearest marked ancestor.
     */
    public static String identifier(Node node) throws RepositoryException {
        if (!isLive(node.getPath())) {
            return node.getIdentifier();
        }
        if (node.hasProperty(SOURCE_ID)) {
            return node.getProperty(SOURCE_ID).getString();
        }
        for (Node ancestor = node; ancestor.getDepth() > 1; ) {
            ancestor = ancestor.getParent();
            if (ancestor.hasProperty(SOURCE_ID)) {
                String relative = node.getPath().substring(ancestor.getPath().length() + 1);
                try {
                    Node draft = node.getSession().getNodeByIdentifier(ancestor.getProperty(SOURCE_ID).getString());
                    if (draft.hasNode(relative)) {
                        return draft.getNode(relative).getIdentifier();
                    }
                } catch (javax.jcr.ItemNotFoundException draftDeleted) {
                    // no draft any more: the live node's own uuid
                }
                break;
            }
        }
        return node.getIdentifier();
    }

    /** The node's depth as if it were in the authoring tree (a workspace root has depth 1). */
    public static int depth(Node node) throws RepositoryException {
        return isLive(node.getPath()) ? node.getDepth() - 1 : node.getDepth();
    }

    /** The ancestor at {@code depth} counted as in {@link #depth(Node)}. */
    public static Node ancestor(Node node, int depth) throws RepositoryException {
        return (Node) node.getAncestor(isLive(node.getPath()) ? depth + 1 : depth);
    }

    /** Whether a JCR path is in the published copies. */
    public static boolean isLive(String jcrPath) {
        return jcrPath.startsWith(LIVE_PREFIX);
    }

    private static String workspaceOf(String jcrPath) {
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? jcrPath.substring(1) : jcrPath.substring(1, second);
    }

    @Override
    public String toString() {
        return published ? "PUBLIC" : "DRAFT";
    }
}
