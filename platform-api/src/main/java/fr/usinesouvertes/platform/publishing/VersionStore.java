package fr.usinesouvertes.platform.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The versions of published nodes: each publication stores a copy of the node with its parts at
 * {@code /publishing/versions/<workspace>/<draft uuid>/<n>/content}, with who ({@code uo:by}), when
 * ({@code uo:at}), a comment and the path it had; versions are numbered from 1 per node.
 */
final class VersionStore {

    private static final String CONTENT = "content";
    private static final String LAST = "uo:lastVersion";

    void store(Node draft, LivePublisher.Stamp stamp) throws RepositoryException {
        Session session = draft.getSession();
        String workspace = workspaceOf(draft.getPath());
        Node folder = PublishingTree.child(PublishingTree.child(session.getNode(PublishingTree.VERSIONS), workspace),
                draft.getIdentifier());
        long number = (folder.hasProperty(LAST) ? folder.getProperty(LAST).getLong() : 0) + 1;
        folder.setProperty(LAST, number);
        Node version = folder.addNode(Long.toString(number), "nt:unstructured");
        version.setProperty("uo:by", stamp.by());
        version.setProperty("uo:at", stamp.at());
        version.setProperty("uo:path", workspacePath(draft.getPath()));
        if (stamp.comment() != null && !stamp.comment().isBlank()) {
            version.setProperty("uo:comment", stamp.comment());
        }
        NodeCopier.copyContent(draft, version.addNode(CONTENT, draft.getPrimaryNodeType().getName()));
    }

    List<ContentVersion> list(Node draft) throws RepositoryException {
        List<ContentVersion> versions = new ArrayList<>();
        Node folder = folder(draft);
        if (folder == null) {
            return versions;
        }
        String workspace = workspaceOf(draft.getPath());
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node version = it.nextNode();
            versions.add(new ContentVersion(Integer.parseInt(version.getName()), workspace,
                    version.getProperty("uo:path").getString(), version.getProperty("uo:by").getString(),
                    Instant.ofEpochMilli(version.getProperty("uo:at").getDate().getTimeInMillis()),
                    version.hasProperty("uo:comment") ? version.getProperty("uo:comment").getString() : null));
        }
        versions.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return versions;
    }

    /** The stored copy of version {@code number}; {@code versionNotFound} when there is none. */
    Node content(Node draft, int number) throws RepositoryException {
        Node folder = folder(draft);
        String name = Integer.toString(number);
        if (folder == null || !folder.hasNode(name)) {
            throw PublishingException.missing("versionNotFound", "No version " + number + " of "
                    + workspacePath(draft.getPath()));
        }
        return folder.getNode(name).getNode(CONTENT);
    }

    /** Puts a version's content back into the draft (its sub-pages stay as they are). */
    void restore(Node draft, int number, LivePublisher.Stamp stamp) throws RepositoryException {
        NodeCopier.copyContent(content(draft, number), draft);
        draft.setProperty("mgnl:lastModified", stamp.at());
        draft.setProperty("mgnl:lastModifiedBy", stamp.by());
    }

    private static Node folder(Node draft) throws RepositoryException {
        String path = PublishingTree.VERSIONS + "/" + workspaceOf(draft.getPath()) + "/" + draft.getIdentifier();
        Session session = draft.getSession();
        return session.nodeExists(path) ? session.getNode(path) : null;
    }

    private static String workspaceOf(String jcrPath) {
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? jcrPath.substring(1) : jcrPath.substring(1, second);
    }

    private static String workspacePath(String jcrPath) {
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? "/" : jcrPath.substring(second);
    }
}
