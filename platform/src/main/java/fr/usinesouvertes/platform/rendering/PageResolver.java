package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.SiteDefinition;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Maps a URL path to the page to render. {@code /} is the site root (see {@link SiteRoot}); {@code /a/b}
 * and {@code /a/b.html} are the root's page {@code a/b}, else the page {@code /a/b} of another tree of workspace
 * {@code website} (its repository path, as on Magnolia CE); the prefix of one of the site's
 * languages ({@code /en}) asks for that language. When no
 * page {@code /a/b/c} exists but page {@code /a/b} does and its template names a
 * {@code parameters.detailWorkspace}, an item {@code c} of that workspace (below
 * {@code parameters.detailRoot}, default {@code /}, looking through folders) is shown by {@code /a/b}.
 */
final class PageResolver {

    private static final Pattern SEGMENT = Pattern.compile("[^/\\[\\]|*:]+");

    /** What a URL path resolved to: a page, and the detail item with its name when there is one. */
    record Resolved(Node page, Node item, String selector) {
    }

    /** The language and the path without language prefix. */
    record LocalizedPath(String language, String path) {
    }

    private PageResolver() {
    }

    /** Splits the language prefix of a configured locale ({@code /en/...}, {@code /de_CH/...}) off a URL path. */
    static LocalizedPath localize(String path, SiteDefinition.SiteLanguages languages) {
        String clean = path == null || path.isEmpty() ? "/" : path;
        int end = clean.indexOf('/', 1);
        String first = end < 0 ? clean.substring(1) : clean.substring(1, end);
        Optional<String> language = first.isEmpty() ? Optional.empty() : languages.ofPrefix(first);
        if (language.isPresent()) {
            return new LocalizedPath(language.get(), end < 0 ? "/" : clean.substring(end));
        }
        return new LocalizedPath(languages.defaultLocale(), clean);
    }

    static Optional<Resolved> resolve(RenderContext context, String path, LinkBuilder links) throws RepositoryException {
        Optional<Node> root = context.siteRoot();
        String relative = path.endsWith(".html") ? path.substring(0, path.length() - 5) : path;
        while (relative.endsWith("/") && relative.length() > 1) {
            relative = relative.substring(0, relative.length() - 1);
        }
        if (relative.equals("/") || relative.isEmpty()) {
            return root.map(page -> new Resolved(page, null, ""));
        }
        String[] segments = relative.substring(1).split("/");
        for (String segment : segments) {
            if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
                return Optional.empty();
            }
        }
        if (root.isPresent()) {
            Optional<Resolved> inSite = resolveBelow(context, root.get().getPath(), relative, segments, links);
            if (inSite.isPresent() || segments[0].equals(root.get().getName())) {
                return inSite; // the site's own pages have one address, without the root's name
            }
        }
        // a page outside the site's root keeps its repository path as its address, as on Magnolia CE
        String website = context.jcrPath("website", "/");
        return resolveBelow(context, website.equals("/") ? "" : website, relative, segments, links);
    }

    private static Optional<Resolved> resolveBelow(RenderContext context, String base, String relative,
                                                   String[] segments, LinkBuilder links) throws RepositoryException {
        Session session = context.session();
        String jcrPath = base + relative;
        if (session.nodeExists(jcrPath)) {
            Node node = session.getNode(jcrPath);
            return node.isNodeType(NodeTypes.PAGE) ? Optional.of(new Resolved(node, null, "")) : Optional.empty();
        }
        String parentPath = jcrPath.substring(0, jcrPath.lastIndexOf('/'));
        String name = segments[segments.length - 1];
        if (parentPath.isEmpty() || !session.nodeExists(parentPath)
                || !session.getNode(parentPath).isNodeType(NodeTypes.PAGE)) {
            return Optional.empty();
        }
        Node parent = session.getNode(parentPath);
        String workspace = links.detailWorkspace(parent);
        if (workspace == null) {
            return Optional.empty();
        }
        String detailRoot = links.parameter(parent, "detailRoot");
        Node item = findItem(context, workspace, detailRoot == null ? "/" : detailRoot, name);
        return item == null ? Optional.empty() : Optional.of(new Resolved(parent, item, name));
    }

    private static Node findItem(RenderContext context, String workspace, String detailRoot, String name)
            throws RepositoryException {
        Session session = context.session();
        String rootPath = context.jcrPath(workspace, detailRoot);
        if (!session.nodeExists(rootPath)) {
            return null;
        }
        return findIn(session.getNode(rootPath), name);
    }

    private static Node findIn(Node folder, String name) throws RepositoryException {
        if (folder.hasNode(name)) {
            Node item = folder.getNode(name);
            if (!item.isNodeType(NodeTypes.FOLDER)) {
                return item;
            }
        }
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.FOLDER)) {
                Node found = findIn(child, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
