package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * Maps Magnolia's workspaces onto Oak's single workspace: workspace {@code website} is the subtree
 * {@code /website}, and a workspace path {@code /home/news} is the JCR path {@code /website/home/news}.
 */
@PluginApi
public final class Workspaces {

    /** Workspaces every installation has; content types add their own. */
    public static final List<String> BUILT_IN = List.of("website", "dam", "config");

    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");
    private static final Set<String> RESERVED = Set.of("jcr:system", "oak:index", "rep:security", "live", "publishing");
    /** Published copies live under {@code /live/<workspace>} (see the publishing package): same workspace paths. */
    private static final String LIVE_PREFIX = "/live/";
    private static final String ROOT_TYPE = "nt:unstructured";

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    /** Creates the root node of each workspace that does not exist yet. The caller saves. */
    public void ensureRoots(Session session, Collection<String> names) throws javax.jcr.RepositoryException {
        Node root = session.getRootNode();
        for (String name : names) {
            checkName(name);
            if (!root.hasNode(name)) {
                root.addNode(name, ROOT_TYPE);
            }
            known.add(name);
        }
    }

    public boolean exists(String workspace) {
        return known.contains(workspace);
    }

    public Set<String> names() {
        return Set.copyOf(known);
    }

    /** The JCR path of a path inside a workspace; {@code /} is the workspace root. */
    public String toJcrPath(String workspace, String path) {
        checkName(workspace);
        if (path == null || path.isEmpty() || path.equals("/")) {
            return "/" + workspace;
        }
        return "/" + workspace + (path.startsWith("/") ? path : "/" + path);
    }

    /** The path inside its workspace of a JCR path, e.g. {@code /website/home} becomes {@code /home}. */
    public String toWorkspacePath(String jcrPath) {
        jcrPath = withoutLivePrefix(jcrPath);
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? "/" : jcrPath.substring(second);
    }

    /** The workspace a JCR path belongs to, e.g. {@code website} for {@code /website/home}. */
    public String workspaceOf(String jcrPath) {
        jcrPath = withoutLivePrefix(jcrPath);
        int second = jcrPath.indexOf('/', 1);
        return second < 0 ? jcrPath.substring(1) : jcrPath.substring(1, second);
    }

    private static String withoutLivePrefix(String jcrPath) {
        return jcrPath.startsWith(LIVE_PREFIX) ? jcrPath.substring(LIVE_PREFIX.length() - 1) : jcrPath;
    }

    static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a valid workspace name");
        }
    }
}
