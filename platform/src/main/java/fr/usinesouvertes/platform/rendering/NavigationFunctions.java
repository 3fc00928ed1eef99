package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ContentMap;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * {@code navfn}: navigation helpers as in Magnolia's templating essentials. A page is shown in
 * navigation unless its {@code hideInNav} property is true.
 */
public final class NavigationFunctions {

    private final RenderContext context;
    private final LinkBuilder links;

    NavigationFunctions(RenderContext context, LinkBuilder links) {
        this.context = context;
        this.links = links;
    }

    /** The site's root page (the top-most page above the content). */
    public ContentMap rootPage(Object content) throws RepositoryException {
        Node page = NodeTypes.page(CmsFunctions.node(content));
        if (page == null) {
            return context.siteRoot().map(context::wrap).orElse(null);
        }
        List<Node> ancestors = AreaComponents.ancestorPages(page);
        return context.wrap(ancestors.isEmpty() ? page : ancestors.get(0));
    }

    /** The child pages of a page that are not hidden in navigation, in order. */
    public List<ContentMap> navItems(Object page) throws RepositoryException {
        Node node = CmsFunctions.node(page);
        List<ContentMap> items = new ArrayList<>();
        if (node == null) {
            return items;
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.PAGE) && !NodeTypes.bool(child, "hideInNav")) {
                items.add(context.wrap(child));
            }
        }
        return items;
    }

    public boolean hasNavItems(Object page) throws RepositoryException {
        return !navItems(page).isEmpty();
    }

    public boolean isHiddenInNav(Object page) {
        return NodeTypes.bool(CmsFunctions.node(page), "hideInNav");
    }

    /** True when {@code page} is the page of {@code content} (the current page). */
    public boolean isActive(Object content, Object page) {
        Node current = NodeTypes.page(CmsFunctions.node(content));
        Node candidate = CmsFunctions.node(page);
        return current != null && candidate != null
                && TemplateRenderer.pathOf(current).equals(TemplateRenderer.pathOf(candidate));
    }

    /** True when {@code page} is an ancestor of the page of {@code content} (its navigation branch is open). */
    public boolean isOpen(Object content, Object page) {
        Node current = NodeTypes.page(CmsFunctions.node(content));
        Node candidate = CmsFunctions.node(page);
        return current != null && candidate != null
                && TemplateRenderer.pathOf(current).startsWith(TemplateRenderer.pathOf(candidate) + "/");
    }

    /** The ancestor pages of the content's page, top-most first. */
    public List<ContentMap> ancestors(Object content) throws RepositoryException {
        Node page = NodeTypes.page(CmsFunctions.node(content));
        return page == null ? List.of() : AreaComponents.ancestorPages(page).stream().map(context::wrap).toList();
    }

    public String link(Object page) {
        return links.link(CmsFunctions.node(page));
    }
}
