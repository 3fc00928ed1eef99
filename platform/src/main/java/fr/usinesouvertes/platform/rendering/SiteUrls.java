package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.SitemapEntry;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The public URLs of the site, read in one session: every page below the site root (but its
 * {@code 404} page) and the items shown by detail pages ({@code parameters.detailWorkspace}; a
 * template sets {@code parameters.sitemap: false} when a module lists its items itself), and a detail
 * page's items newest first for feeds. Reads the published copies ({@link ContentStage#PUBLIC}).
 */
final class SiteUrls {

    private static final String NOT_FOUND_PAGE = "404";

    private final Session session;
    private final LinkBuilder links;
    private final RenderContext context;

    SiteUrls(Session session, Workspaces workspaces, DefinitionRegistry registry) {
        this(session, workspaces, registry, null);
    }

    /** {@code base}: the address whose host chooses the site (see {@link RenderContext#site()}); null: public-url's. */
    SiteUrls(Session session, Workspaces workspaces, DefinitionRegistry registry, String base) {
        this.context = new RenderContext(session, workspaces, registry, RenderContext.DEFAULT_LANGUAGE,
                new AggregationState("/", "/", RenderContext.localeOf(RenderContext.DEFAULT_LANGUAGE)), Map.of());
        if (base != null) {
            context.setPublicUrl(base);
        }
        this.session = session;
        this.links = new LinkBuilder(context);
    }

    /** Pages and detail items, French paths, in document order. */
    List<SitemapEntry> entries() throws RepositoryException {
        List<SitemapEntry> entries = new ArrayList<>();
        Optional<Node> root = context.siteRoot();
        if (root.isPresent()) {
            addPage(root.get(), entries);
        }
        return entries;
    }

    private void addPage(Node page, List<SitemapEntry> entries) throws RepositoryException {
        entries.add(new SitemapEntry(links.pageLink(page, RenderContext.DEFAULT_LANGUAGE), lastModified(page)));
        if (links.detailWorkspace(page) != null && !"false".equals(links.parameter(page, "sitemap"))) {
            String pageLink = links.pageLink(page, RenderContext.DEFAULT_LANGUAGE);
            for (Node item : detailItems(page)) {
                entries.add(new SitemapEntry(itemPath(pageLink, item), lastModified(item)));
            }
        }
        for (NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.PAGE) && !NOT_FOUND_PAGE.equals(child.getName())) {
                addPage(child, entries);
            }
        }
    }

    /** The page at a URL path below the site root (French, no language prefix), if it is a page. */
    Optional<Node> page(String path) throws RepositoryException {
        Optional<Node> root = context.siteRoot();
        if (root.isEmpty()) {
            return Optional.empty();
        }
        String jcrPath = path.isEmpty() || path.equals("/") ? root.get().getPath() : root.get().getPath() + path;
        if (!session.nodeExists(jcrPath) || !session.getNode(jcrPath).isNodeType(NodeTypes.PAGE)) {
            return Optional.empty();
        }
        return Optional.of(session.getNode(jcrPath));
    }

    /** The items a detail page shows (none for another page), newest {@code date} first, undated last. */
    List<Node> detailItems(Node page) throws RepositoryException {
        String workspace = links.detailWorkspace(page);
        if (workspace == null) {
            return List.of();
        }
        String detailRoot = links.parameter(page, "detailRoot");
        String rootPath = context.jcrPath(workspace, detailRoot == null ? "/" : detailRoot);
        List<Node> items = new ArrayList<>();
        if (session.nodeExists(rootPath)) {
            collect(session.getNode(rootPath), items);
        }
        items.sort(Comparator.comparingLong(SiteUrls::date).reversed());
        return items;
    }

    private static void collect(Node folder, List<Node> items) throws RepositoryException {
        for (NodeIterator it = folder.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.FOLDER)) {
                collect(child, items);
            } else if (!child.getName().startsWith("jcr:") && !child.getName().startsWith("rep:")
                    && !child.getName().startsWith("mgnl:")) {
                items.add(child);
            }
        }
    }

    LinkBuilder links() {
        return links;
    }

    static String itemPath(String pageLink, Node item) throws RepositoryException {
        return (pageLink.equals("/") ? "" : pageLink) + "/" + LinkBuilder.encodeSegment(item.getName());
    }

    /** The item's {@code date} property (epoch ms), or {@link Long#MIN_VALUE} without one. */
    static long date(Node item) {
        try {
            return item.hasProperty("date") ? item.getProperty("date").getDate().getTimeInMillis() : Long.MIN_VALUE;
        } catch (RepositoryException | RuntimeException e) {
            return Long.MIN_VALUE;
        }
    }

    /** The id the public knows a node by: its draft's uuid for a published copy, else its own. */
    static String publicId(Node node) throws RepositoryException {
        return node.hasProperty(ContentStage.SOURCE_ID) ? node.getProperty(ContentStage.SOURCE_ID).getString()
                : node.getIdentifier();
    }

    /** When a node last changed as Magnolia records it, else when it was created; 0 if unknown. */
    static long lastModified(Node node) throws RepositoryException {
        for (String property : new String[] {"mgnl:lastModified", "jcr:lastModified", "mgnl:created", "jcr:created"}) {
            if (node.hasProperty(property)) {
                Calendar date = node.getProperty(property).getDate();
                return date.getTimeInMillis();
            }
        }
        return 0;
    }

    /** A property in a language: {@code name_<lang>} when it is set and the language is not French, else {@code name}. */
    /**
     * A text property in {@code language}: its {@code _<language>} value, then the fallback locale's, then the
     * unsuffixed one (the default language's), as pages show it.
     */
    static String text(Node node, String name, String language, SiteDefinition.SiteLanguages languages)
            throws RepositoryException {
        for (String suffix : languages.suffixes(language)) {
            if (node.hasProperty(name + "_" + suffix)) {
                String value = node.getProperty(name + "_" + suffix).getString();
                if (!value.isBlank()) {
                    return value;
                }
            }
        }
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }
}
