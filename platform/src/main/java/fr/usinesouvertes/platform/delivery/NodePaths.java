package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Finds the node a request path names inside an endpoint's subtree ({@code rootPath} of its
 * {@code workspace}), and nothing outside it: {@code .} and {@code ..} segments, JCR path syntax
 * ({@code [index]}, {@code *}, {@code |}) and encoded slashes are refused, so no request reaches another
 * workspace or a personal-data subtree. Each node on the way must be visible.
 */
final class NodePaths {

    private static final Pattern FORBIDDEN = Pattern.compile("[\\[\\]*|\\\\\\t\\r\\n]");

    private NodePaths() {
    }

    /** The endpoint's root node as the public sees it, or {@code null} when it does not exist (yet). */
    static Node root(Session session, Workspaces workspaces, DeliveryEndpointDefinition endpoint)
            throws RepositoryException {
        return root(session, workspaces, endpoint, ContentStage.PUBLIC);
    }

    /** The endpoint's root node in {@code stage}, or {@code null} when it does not exist (yet). */
    static Node root(Session session, Workspaces workspaces, DeliveryEndpointDefinition endpoint, ContentStage stage)
            throws RepositoryException {
        String jcrPath;
        try {
            jcrPath = stage.toJcrPath(session, workspaces,
                    endpoint.workspace() != null ? endpoint.workspace() : "website", normalisedRoot(endpoint.rootPath()));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("endpointNotFound", "Endpoint '" + endpoint.endpointPath()
                    + "' has an invalid workspace: " + endpoint.workspace());
        }
        return session.nodeExists(jcrPath) ? session.getNode(jcrPath) : null;
    }

    /** The node at {@code relativePath} below {@code root}; 404 {@code pathNotFound} when there is none. */
    static Node resolve(Node root, String relativePath, DeliveryVisibility visibility) throws RepositoryException {
        if (root == null) {
            throw notFound(relativePath);
        }
        Node node = root;
        for (String segment : relativePath.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (segment.equals(".") || segment.equals("..") || FORBIDDEN.matcher(segment).find()) {
                throw notFound(relativePath);
            }
            try {
                if (!node.hasNode(segment)) {
                    throw notFound(relativePath);
                }
                node = node.getNode(segment);
            } catch (RepositoryException e) {
                throw notFound(relativePath); // not a valid JCR name: cannot exist
            }
            if (node.getName().startsWith("rep:") || !visibility.isVisible(node)) {
                throw notFound(relativePath);
            }
        }
        return node;
    }

    static ApiException notFound(String path) {
        String shown = path.startsWith("/") ? path : "/" + path;
        return ApiException.notFound("pathNotFound", "No content at '" + shown + "'");
    }

    private static String normalisedRoot(String rootPath) {
        if (rootPath == null || rootPath.isBlank() || rootPath.equals("/")) {
            return "/";
        }
        String root = rootPath.endsWith("/") ? rootPath.substring(0, rootPath.length() - 1) : rootPath;
        return root.startsWith("/") ? root : "/" + root;
    }
}
