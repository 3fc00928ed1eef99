package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ContentMap;
import fr.usinesouvertes.platform.publishing.ContentStage;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateHTMLOutputModel;
import freemarker.template.TemplateModelException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;

/**
 * {@code cmsfn}: Magnolia's common templating functions (content lookup, links, conversion, rich text,
 * inheritance, modes). Functions taking content accept a ContentMap or a JCR node. The platform serves
 * public pages only: edit and preview modes are always off.
 */
public final class CmsFunctions {

    private static final String DEFAULT_WORKSPACE = "website";

    private final RenderContext context;
    private final LinkBuilder links;

    CmsFunctions(RenderContext context, LinkBuilder links) {
        this.context = context;
        this.links = links;
    }

    // ---- content lookup

    public List<ContentMap> children(Object content) throws RepositoryException {
        return children(content, null);
    }

    /** Child nodes of the given node type (subtypes included), in order; all but {@code jcr:}/{@code rep:} ones without a type. */
    public List<ContentMap> children(Object content, String nodeType) throws RepositoryException {
        Node node = node(content);
        List<ContentMap> children = new ArrayList<>();
        if (node == null) {
            return children;
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            boolean system = child.getName().startsWith("jcr:") || child.getName().startsWith("rep:");
            if (nodeType == null ? !system : child.isNodeType(nodeType)) {
                children.add(context.wrap(child));
            }
        }
        return children;
    }

    public ContentMap parent(Object content) throws RepositoryException {
        return parent(content, null);
    }

    /** The nearest ancestor (of the node type, if given) inside the same workspace, or null. */
    public ContentMap parent(Object content, String nodeType) throws RepositoryException {
        Node node = node(content);
        while (node != null && ContentStage.depth(node) > 1) {
            node = node.getParent();
            if (ContentStage.depth(node) > 1 && (nodeType == null || node.isNodeType(nodeType))) {
                return context.wrap(node);
            }
        }
        return null;
    }

    /** The workspace's root node. */
    public ContentMap root(Object content) throws RepositoryException {
        Node node = node(content);
        return node == null ? null : context.wrap(ContentStage.ancestor(node, 1));
    }

    /** The top-most ancestor-or-self of the node type. */
    public ContentMap root(Object content, String nodeType) throws RepositoryException {
        List<ContentMap> ancestors = ancestors(content, nodeType);
        Node node = node(content);
        if (!ancestors.isEmpty()) {
            return ancestors.get(0);
        }
        return node != null && node.isNodeType(nodeType) ? context.wrap(node) : null;
    }

    public List<ContentMap> ancestors(Object content) throws RepositoryException {
        return ancestors(content, null);
    }

    /** The ancestors (of the node type, if given), top-most first, workspace root excluded. */
    public List<ContentMap> ancestors(Object content, String nodeType) throws RepositoryException {
        List<ContentMap> ancestors = new ArrayList<>();
        Node node = node(content);
        if (node == null) {
            return ancestors;
        }
        for (int depth = 2; depth < ContentStage.depth(node); depth++) {
            Node ancestor = ContentStage.ancestor(node, depth);
            if (nodeType == null || ancestor.isNodeType(nodeType)) {
                ancestors.add(context.wrap(ancestor));
            }
        }
        return ancestors;
    }

    public List<ContentMap> siblings(Object content) throws RepositoryException {
        Node node = node(content);
        return node == null ? List.of() : siblings(content, node.getPrimaryNodeType().getName());
    }

    /** The other children of the node's parent, of the node type. */
    public List<ContentMap> siblings(Object content, String nodeType) throws RepositoryException {
        Node node = node(content);
        if (node == null || ContentStage.depth(node) <= 1) {
            return List.of();
        }
        List<ContentMap> siblings = new ArrayList<>(children(node.getParent(), nodeType));
        siblings.removeIf(sibling -> sibling.equals(context.wrap(node)));
        return siblings;
    }

    /** The page the content belongs to (itself when it is a page). */
    public ContentMap page(Object content) {
        return context.wrap(NodeTypes.page(node(content)));
    }

    public ContentMap content(String path) {
        return contentByPath(path, DEFAULT_WORKSPACE);
    }

    public ContentMap content(String path, String workspace) {
        return contentByPath(path, workspace);
    }

    public ContentMap contentByPath(String path) {
        return contentByPath(path, DEFAULT_WORKSPACE);
    }

    /** The node at a path of a workspace ({@code website} by default), or null. */
    public ContentMap contentByPath(String path, String workspace) {
        if (path == null || workspace == null) {
            return null;
        }
        try {
            return context.wrap(context.nodeOrNull(context.jcrPath(workspace, path)));
        } catch (IllegalArgumentException e) {
            return null; // not a workspace name
        }
    }

    public ContentMap contentById(String id) {
        return contentById(id, DEFAULT_WORKSPACE);
    }

    /** The node of an identifier ({@code jcr:} prefix allowed) if it lies in the workspace, or null. */
    public ContentMap contentById(String id, String workspace) {
        if (id == null || id.isBlank() || workspace == null) {
            return null;
        }
        try {
            Node node = context.nodeById(id.startsWith("jcr:") ? id.substring(4) : id);
            return node != null && context.workspaces().workspaceOf(node.getPath()).equals(workspace)
                    && ContentStage.depth(node) > 1 ? context.wrap(node) : null;
        } catch (RepositoryException | IllegalArgumentException e) {
            return null;
        }
    }

    public ContentMap contentByIdentifier(String id) {
        return contentById(id);
    }

    /** As {@link #contentByPath(String, String)}, as a JCR node (Magnolia's {@code nodeByPath}). */
    public Node nodeByPath(String path, String workspace) {
        return node(contentByPath(path, workspace));
    }

    public Node nodeByPath(String path) {
        return nodeByPath(path, DEFAULT_WORKSPACE);
    }

    /** As {@link #contentById(String, String)}, as a JCR node (Magnolia's {@code nodeById}). */
    public Node nodeById(String id, String workspace) {
        return node(contentById(id, workspace));
    }

    public Node nodeById(String id) {
        return nodeById(id, DEFAULT_WORKSPACE);
    }

    public ContentMap contentByIdentifier(String id, String workspace) {
        return contentById(id, workspace);
    }

    /** The pages below {@code searchRoot} (itself excluded) whose template is {@code templateId}, in tree order. */
    public List<ContentMap> contentListByTemplateId(Object searchRoot, String templateId) throws RepositoryException {
        return contentListByTemplateIds(searchRoot, templateId == null ? Set.of() : Set.of(templateId), Integer.MAX_VALUE,
                null, null);
    }

    /**
     * As Magnolia's: at most {@code maxResultSize} pages below {@code searchRoot} with the template; the SQL clauses
     * Magnolia adds to its query ({@code andClause}, {@code orderByClause}) are not read (tree order).
     */
    public List<ContentMap> contentListByTemplateId(Object searchRoot, String templateId, int maxResultSize,
                                                    String andClause, String orderByClause) throws RepositoryException {
        return contentListByTemplateIds(searchRoot, templateId == null ? Set.of() : Set.of(templateId), maxResultSize,
                andClause, orderByClause);
    }

    /** The pages below {@code searchRoot} whose template is one of {@code templateIds}, at most {@code maxResultSize}. */
    public List<ContentMap> contentListByTemplateIds(Object searchRoot, Collection<String> templateIds, int maxResultSize,
                                                     String andClause, String orderByClause) throws RepositoryException {
        List<ContentMap> found = new ArrayList<>();
        Node root = node(searchRoot);
        if (root != null && templateIds != null && !templateIds.isEmpty() && maxResultSize > 0) {
            collectPages(root, Set.copyOf(templateIds), maxResultSize, found);
        }
        return found;
    }

    private void collectPages(Node parent, Set<String> templateIds, int max, List<ContentMap> found)
            throws RepositoryException {
        for (NodeIterator it = parent.getNodes(); it.hasNext() && found.size() < max; ) {
            Node child = it.nextNode();
            if (!child.isNodeType(NodeTypes.PAGE)) {
                continue;
            }
            if (child.hasProperty("mgnl:template") && templateIds.contains(child.getProperty("mgnl:template").getString())) {
                found.add(context.wrap(child));
            }
            collectPages(child, templateIds, max, found);
        }
    }

    /**
     * Magnolia's {@code cmsfn.search(workspace, statement, language, returnItemType)}: the nodes of {@code workspace}
     * that a JCR-SQL2 {@code statement} finds, its paths being the workspace's ({@code ISDESCENDANTNODE('/travel')}),
     * as this request's stage has them (the published copies on the public site), at most
     * {@value WorkspaceQuery#MAX_RESULTS}, in the statement's order; with a {@code returnItemType}
     * ({@code mgnl:page}), each found node gives its nearest ancestor-or-self of that type, once. Only the editorial
     * workspaces (those under publishing: pages, assets, content types) can be searched, and only JCR-SQL2 is read;
     * anything else is an error of the template.
     */
    public List<ContentMap> search(String workspace, String statement, String language, String returnItemType)
            throws RepositoryException {
        if (language != null && !language.isBlank() && !"JCR-SQL2".equalsIgnoreCase(language.strip())) {
            throw new IllegalArgumentException("cmsfn.search reads JCR-SQL2 statements only, not " + language);
        }
        if (workspace == null || !context.session().nodeExists(ContentStage.LIVE_ROOT + "/" + workspace)) {
            throw new IllegalArgumentException("cmsfn.search: '" + workspace + "' is not a workspace of published "
                    + "content (pages, assets, content types)");
        }
        List<ContentMap> found = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (Node node : WorkspaceQuery.run(context.session(), context.jcrPath(workspace, "/"), statement)) {
            Node item = returnItemType == null || returnItemType.isBlank() ? node : ofType(node, returnItemType.strip());
            if (item != null && seen.add(item.getPath())) {
                found.add(context.wrap(item));
            }
        }
        return found;
    }

    /** {@link #search(String, String, String, String)} without a return item type. */
    public List<ContentMap> search(String workspace, String statement, String language) throws RepositoryException {
        return search(workspace, statement, language, null);
    }

    private static Node ofType(Node node, String type) throws RepositoryException {
        for (Node current = node; current.getDepth() > 0; current = current.getParent()) {
            if (current.isNodeType(type)) {
                return current;
            }
        }
        return null;
    }

    // ---- conversion

    public ContentMap asContentMap(Object content) {
        return context.wrap(node(content));
    }

    public Node asJCRNode(Object content) {
        return node(content);
    }

    public List<ContentMap> asContentMapList(Collection<?> nodes) {
        return nodes == null ? List.of() : nodes.stream().map(this::asContentMap).toList();
    }

    public List<Node> asNodeList(Collection<?> contents) {
        return contents == null ? List.of() : contents.stream().map(CmsFunctions::node).toList();
    }

    public ContentMap wrapForI18n(Object content) {
        return asContentMap(content); // every ContentMap already reads the request language's values
    }

    // ---- links

    /** The public URL of a page, item or asset (see {@link LinkBuilder}). */
    public String link(Object content) {
        return links.link(node(content));
    }

    /** The public URL of the node of an identifier in a workspace. */
    public String link(String workspace, String id) {
        ContentMap content = contentById(id, workspace);
        return content == null ? null : link(content);
    }

    /**
     * The current page's URL in each language of the site's definition ({@code fr} → {@code /a/b}, {@code en} →
     * {@code /en/a/b}, {@code de_CH} → {@code /de_CH/a/b}), for language switchers; on a detail page the item's name is kept.
     */
    public Map<String, String> localizedLinks() throws RepositoryException {
        Map<String, String> localized = new LinkedHashMap<>();
        Node page = context.state().getMainContentNode();
        if (page == null) {
            return localized;
        }
        String selector = context.state().getSelector();
        for (String language : context.languages().locales()) {
            String url = links.pageLink(page, language);
            if (!selector.isEmpty()) {
                url = (url.equals("/") ? "" : url) + "/" + LinkBuilder.encodeSegment(selector);
            }
            localized.putIfAbsent(language, url);
        }
        return localized;
    }

    /** A link stored in a property as an external URL, {@code https://} added when no scheme is given. */
    public String externalLink(Object content, String property) {
        ContentMap map = asContentMap(content);
        Object value = map == null ? null : map.get(property);
        if (value == null || value.toString().isBlank()) {
            return "";
        }
        String url = value.toString().trim();
        return url.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*") || url.startsWith("/") || url.startsWith("#") ? url : "https://" + url;
    }

    public String externalLinkTitle(Object content, String linkProperty, String titleProperty) {
        ContentMap map = asContentMap(content);
        Object title = map == null ? null : map.get(titleProperty);
        return title != null && !title.toString().isBlank() ? title.toString() : externalLink(content, linkProperty);
    }

    // ---- rich text

    /** The content with its text properties as HTML markup, sanitised with jsoup's relaxed safelist. */
    public ContentMap decode(Object content) {
        ContentMap map = asContentMap(content);
        return map == null ? null : map.decoded();
    }

    /** A text as sanitised HTML markup. */
    public TemplateHTMLOutputModel decode(String html) {
        return html == null ? null : (TemplateHTMLOutputModel) NodeContentMap.sanitised(context, html);
    }

    /** The content unchanged: auto-escaping already encodes every value written with {@code ${}}. */
    public ContentMap encode(Object content) {
        return asContentMap(content);
    }

    // ---- inheritance

    /** The content reading missing properties and child nodes from the same place in ancestor pages. */
    public ContentMap inherit(Object content) throws RepositoryException {
        Node node = node(content);
        return node == null ? null : new NodeContentMap(node, context).withFallbacks(Inheritance.counterparts(node));
    }

    public ContentMap inherit(Object content, String relPath) throws RepositoryException {
        ContentMap inherited = inherit(content);
        Object child = inherited == null ? null : inherited.get(relPath);
        return child instanceof ContentMap map ? inherit(map) : null;
    }

    public Object inheritProperty(Object content, String property) throws RepositoryException {
        ContentMap inherited = inherit(content);
        return inherited == null ? null : inherited.get(property);
    }

    /** The children of {@code relPath} below the content and below its counterparts in ancestor pages, ancestors first. */
    public List<ContentMap> inheritList(Object content, String relPath) throws RepositoryException {
        Node node = node(content);
        List<ContentMap> all = new ArrayList<>();
        if (node == null) {
            return all;
        }
        List<Node> sources = new ArrayList<>(Inheritance.counterparts(node));
        Collections.reverse(sources);
        sources.add(node);
        for (Node source : sources) {
            if (source.hasNode(relPath)) {
                all.addAll(children(source.getNode(relPath)));
            }
        }
        return all;
    }

    /** True when the content belongs to another page than the one being rendered. */
    public boolean isInherited(Object content) {
        return !isFromCurrentPage(content);
    }

    public boolean isFromCurrentPage(Object content) {
        Node page = NodeTypes.page(node(content));
        Node current = context.state().getMainContentNode();
        return page != null && current != null && TemplateRenderer.pathOf(page).equals(TemplateRenderer.pathOf(current));
    }

    // ---- modes and misc

    public String language() {
        return context.language();
    }

    /** Whether {@code locale} ({@code en}, {@code de_CH} or {@code de-CH}) is the language the page is rendered in. */
    public boolean isCurrentLocale(String locale) {
        return locale != null && locale.replace('-', '_').equalsIgnoreCase(context.language());
    }

    /** A file size for people, as Magnolia writes it: {@code 512 bytes}, {@code 1.2 kB}, {@code 3.4 MB}. */
    public String readableFileSize(long size) {
        if (size < 1024) {
            return size + " bytes";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return new java.text.DecimalFormat("#,##0.#", java.text.DecimalFormatSymbols.getInstance(Locale.ENGLISH))
                .format(value) + " " + units[unit];
    }

    public boolean isEditMode() {
        return context.editBars();
    }

    public boolean getEditMode() {
        return context.editBars();
    }

    /** True in the back office's preview of the drafts, as on a Magnolia author instance's preview. */
    public boolean isPreviewMode() {
        return !context.stage().isPublic();
    }

    public boolean isAuthorInstance() {
        return !context.stage().isPublic();
    }

    public boolean isPublicInstance() {
        return context.stage().isPublic();
    }

    /** A system property such as {@code mgnl:lastModified} as text (dates in ISO 8601). */
    public String metaData(Object content, String property) throws RepositoryException {
        Node node = node(content);
        if (node == null || !node.hasProperty(property)) {
            return "";
        }
        Property value = node.getProperty(property);
        return value.getType() == PropertyType.DATE
                ? value.getDate().toInstant().toString() : value.getString();
    }

    /** {@code  name="value"} as markup, value escaped; nothing when the value is empty. */
    public TemplateHTMLOutputModel createHtmlAttribute(String name, String value) throws TemplateModelException {
        if (name == null || value == null || value.isEmpty() || !name.matches("[a-zA-Z_:][-a-zA-Z0-9_:.]*")) {
            return HTMLOutputFormat.INSTANCE.fromMarkup("");
        }
        return HTMLOutputFormat.INSTANCE.fromMarkup(" " + name + "=\"" + HTMLOutputFormat.INSTANCE.escapePlainText(value) + "\"");
    }

    public String fileExtension(String fileName) {
        if (fileName == null) {
            return "";
        }
        int dot = fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? "" : fileName.substring(dot + 1);
    }

    public String abbreviateString(String text, int length) {
        return abbreviateString(text, length, " ...");
    }

    /** The text cut at the last space before {@code length} characters, followed by {@code suffix}. */
    public String abbreviateString(String text, int length, String suffix) {
        if (text == null || text.length() <= length) {
            return text;
        }
        String cut = text.substring(0, Math.max(0, length - suffix.length()));
        int space = cut.lastIndexOf(' ');
        return (space > 0 ? cut.substring(0, space) : cut) + suffix;
    }

    /** The {@code ?query#fragment} part of a URL, or the empty string. */
    public String queryStringAndFragment(String url) {
        if (url == null) {
            return "";
        }
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        int start = query >= 0 ? query : fragment;
        return start < 0 ? "" : url.substring(start);
    }

    static Node node(Object content) {
        if (content instanceof ContentMap map) {
            return map.getJCRNode();
        }
        return content instanceof Node node ? node : null;
    }
}
