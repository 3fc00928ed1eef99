package fr.usinesouvertes.platform.publishing;

import javax.jcr.NamespaceRegistry;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import java.util.Arrays;
import java.util.Collection;

/**
 * The repository layout of publishing: {@code /live/<workspace>} (published copies), the Oak property index
 * on {@value ContentStage#SOURCE_ID}, {@code /publishing/versions} and {@code /publishing/schedule}, and the
 * {@code uo} namespace. Created on demand, idempotent; the caller saves.
 */
final class PublishingTree {

    static final String ROOT = "/publishing";
    static final String VERSIONS = ROOT + "/versions";
    static final String SCHEDULE = ROOT + "/schedule";
    static final String FINGERPRINT = "uo:fingerprint";
    private static final String INDEX = "uoSourceId";
    private static final String FOLDER_TYPE = "nt:unstructured";

    private PublishingTree() {
    }

    /** Whether the live tree exists yet: a repository from before publishing has none. */
    static boolean exists(Session session) throws RepositoryException {
        return session.nodeExists(ContentStage.LIVE_ROOT);
    }

    static void ensure(Session session, Collection<String> workspaces) throws RepositoryException {
        ensureNamespace(session);
        ensureIndex(session);
        Node root = session.getRootNode();
        Node live = child(root, ContentStage.LIVE_ROOT.substring(1));
        for (String workspace : workspaces) {
            child(live, workspace);
        }
        Node publishing = child(root, ROOT.substring(1));
        child(publishing, "versions");
        child(publishing, "schedule");
        child(publishing, "reviews");
    }

    static Node child(Node parent, String name) throws RepositoryException {
        return parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, FOLDER_TYPE);
    }

    private static void ensureNamespace(Session session) throws RepositoryException {
        NamespaceRegistry namespaces = session.getWorkspace().getNamespaceRegistry();
        if (!Arrays.asList(namespaces.getPrefixes()).contains(ContentStage.NAMESPACE_PREFIX)) {
            namespaces.registerNamespace(ContentStage.NAMESPACE_PREFIX, ContentStage.NAMESPACE_URI);
        }
    }

    /** A property index, so that resolving a uuid in the public stage is a lookup, not a traversal. */
    private static void ensureIndex(Session session) throws RepositoryException {
        Node indexes = session.getNode("/oak:index");
        if (indexes.hasNode(INDEX)) {
            return;
        }
        Node index = indexes.addNode(INDEX, "oak:QueryIndexDefinition");
        index.setProperty("type", "property");
        index.setProperty("propertyNames", new String[] {ContentStage.SOURCE_ID}, javax.jcr.PropertyType.NAME);
        index.setProperty("unique", false);
        index.setProperty("reindex", true);
    }
}
