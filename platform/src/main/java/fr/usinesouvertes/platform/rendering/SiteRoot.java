package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Finds a site's root page in workspace {@code website}: the page its site definition names ({@link SiteDefinition#rootPath});
 * when no module defines a site with a root, the first top-level {@code mgnl:page} in document order (what a
 * single-site install without a site definition shows). The back office asks {@link #isSiteRoot} to keep every site
 * root from being deleted, renamed or moved.
 */
public final class SiteRoot {

    private SiteRoot() {
    }

    /** The root of {@code site} below {@code website}, the JCR path of workspace {@code website} in the request's stage. */
    static Optional<Node> find(Session session, String website, DefinitionRegistry registry, Optional<SiteDefinition> site) {
        try {
            if (!session.nodeExists(website)) {
                return Optional.empty();
            }
            if (site.isPresent() && site.get().rootPath() != null) {
                String path = website + site.get().rootPath();
                return session.nodeExists(path) && session.getNode(path).isNodeType(NodeTypes.PAGE)
                        ? Optional.of(session.getNode(path)) : Optional.empty();
            }
            return definesRoots(registry) ? Optional.empty() : firstPage(session.getNode(website));
        } catch (RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot find the site root", e);
        }
    }

    /**
     * The public address of a page of the drafts' {@code /website} ({@code /x/y}, repository path below
     * {@code /website}), without language prefix: {@code /} for the site's root, the path below the root for its pages,
     * the page's own path for a page of another tree (as {@link PageResolver} serves them); null when it is no page.
     */
    public static String sitePath(Session session, String path, DefinitionRegistry registry) throws RepositoryException {
        String jcrPath = "/website" + path;
        if (!session.nodeExists(jcrPath) || !session.getNode(jcrPath).isNodeType(NodeTypes.PAGE)) {
            return null;
        }
        Optional<Node> root = find(session, "/website", registry, registry.site(null));
        if (root.isPresent()) {
            String rootPath = root.get().getPath().substring("/website".length());
            if (path.equals(rootPath)) {
                return "/";
            }
            if (path.startsWith(rootPath + "/")) {
                return path.substring(rootPath.length());
            }
        }
        return path;
    }

    /**
     * The public address, without language prefix, of a page of the drafts' {@code /website} or of its published copy
     * ({@code /live/website}), as {@link #sitePath} gives it for a draft: the address the page has in its own stage.
     */
    public static String siteAddress(Node page, DefinitionRegistry registry) throws RepositoryException {
        String website = page.getPath().startsWith(fr.usinesouvertes.platform.publishing.ContentStage.LIVE_ROOT + "/website/")
                ? fr.usinesouvertes.platform.publishing.ContentStage.LIVE_ROOT + "/website" : "/website";
        String path = page.getPath();
        Optional<Node> root = find(page.getSession(), website, registry, registry.site(null));
        if (root.isPresent()) {
            String rootPath = root.get().getPath();
            if (path.equals(rootPath)) {
                return "/";
            }
            if (path.startsWith(rootPath + "/")) {
                return path.substring(rootPath.length());
            }
        }
        return path.substring(website.length());
    }

    /**
     * The page of the drafts' {@code /website} at a public address without language prefix ({@code /usines}), the
     * inverse of {@link #sitePath}: below the site's root, else at its own path; empty when there is no page there.
     */
    public static Optional<Node> pageAt(Session session, String address, DefinitionRegistry registry)
            throws RepositoryException {
        if (address == null || !address.startsWith("/") || address.contains("//") || address.contains("/.")) {
            return Optional.empty();
        }
        String below = address.equals("/") ? "" : address;
        Optional<Node> root = find(session, "/website", registry, registry.site(null));
        for (String candidate : root.isPresent() ? List.of(root.get().getPath() + below, "/website" + below)
                : List.of("/website" + below)) {
            try {
                if (session.nodeExists(candidate) && session.getNode(candidate).isNodeType(NodeTypes.PAGE)) {
                    return Optional.of(session.getNode(candidate));
                }
            } catch (RepositoryException | IllegalArgumentException e) {
                return Optional.empty(); // not a path of the repository
            }
        }
        return Optional.empty();
    }

    /** Whether {@code page}, a node of the drafts' {@code /website}, is the root of a site the platform serves. */
    public static boolean isSiteRoot(Node page, DefinitionRegistry registry) throws RepositoryException {
        if (page.getDepth() != 2 || !page.getParent().getPath().equals("/website")) {
            return false;
        }
        if (definesRoots(registry)) {
            String path = page.getPath().substring("/website".length());
            return registry.sites().stream().anyMatch(s -> path.equals(s.rootPath()));
        }
        Optional<Node> first = firstPage(page.getParent());
        return first.isPresent() && first.get().isSame(page);
    }

    private static boolean definesRoots(DefinitionRegistry registry) {
        return registry.sites().stream().map(SiteDefinition::rootPath).anyMatch(Objects::nonNull);
    }

    private static Optional<Node> firstPage(Node website) throws RepositoryException {
        for (NodeIterator it = website.getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            if (node.isNodeType(NodeTypes.PAGE)) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }
}
