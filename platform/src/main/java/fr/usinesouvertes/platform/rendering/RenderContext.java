package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ContentMap;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.MessageCatalog;
import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Everything one page request renders with: the read session, the definitions snapshot taken when the
 * request started, the language, the aggregation state and the stage read ({@link ContentStage#PUBLIC} for
 * the site, {@link ContentStage#DRAFT} for the back office's preview). Lives for one request on one thread.
 */
public final class RenderContext {

    /** The language of pages without a language prefix. */
    public static final String DEFAULT_LANGUAGE = MessageCatalog.DEFAULT_LANGUAGE;

    private final Session session;
    private final Workspaces workspaces;
    private final DefinitionRegistry registry;
    private final String language;
    private final Locale locale;
    /** The request parameter that asks the preview for the page editor's comments. */
    public static final String EDIT_BARS = "editBars";

    private final AggregationState state;
    private final Map<String, String[]> parameters;
    private final Map<String, Optional<Node>> detailPages = new HashMap<>();
    private final ContentStage stage;
    private String publicUrl = "";
    private RichTextSanitizer richText = RichTextSanitizer.uncached();
    private int responseStatus;
    private Optional<SiteDefinition> site;
    private Optional<Node> siteRoot;

    public RenderContext(Session session, Workspaces workspaces, DefinitionRegistry registry, String language,
                         AggregationState state, Map<String, String[]> parameters) {
        this(session, workspaces, registry, language, state, parameters, ContentStage.PUBLIC);
    }

    public RenderContext(Session session, Workspaces workspaces, DefinitionRegistry registry, String language,
                         AggregationState state, Map<String, String[]> parameters, ContentStage stage) {
        this.stage = stage;
        this.session = session;
        this.workspaces = workspaces;
        this.registry = registry;
        this.language = language;
        this.locale = localeOf(language);
        this.state = state;
        this.parameters = Map.copyOf(parameters);
    }

    /** The site's public address without trailing slash (setting {@code public-url}, else the request's), for absolute URLs. */
    public String publicUrl() {
        return publicUrl;
    }

    void setPublicUrl(String publicUrl) {
        this.publicUrl = publicUrl == null ? "" : publicUrl;
        this.site = null;
        this.siteRoot = null;
    }

    /** What cleans rich text for this request: the renderer's shared one, or by default one that remembers nothing. */
    RichTextSanitizer richText() {
        return richText;
    }

    void setRichText(RichTextSanitizer richText) {
        this.richText = richText;
    }

    /** The status a template asked for ({@link ResponseView#setStatus}), or {@code otherwise} when none did. */
    public int responseStatus(int otherwise) {
        return responseStatus == 0 ? otherwise : responseStatus;
    }

    /** Asks for an HTTP status for this page: 200 or an error status (400–599); the page renderer applies it. */
    public void setResponseStatus(int status) {
        if (status != 200 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("A page template may set status 200 or 400-599, not " + status);
        }
        this.responseStatus = status;
    }

    /**
     * The locale pages in a language format with: French the French way (fr_FR), English as in the United Kingdom,
     * any other as its tag says ({@code de_CH}).
     */
    public static Locale localeOf(String language) {
        if (language == null || language.equals("fr")) {
            return Locale.FRANCE;
        }
        return language.equals("en") ? Locale.UK : Locale.forLanguageTag(language.replace('_', '-'));
    }

    public Session session() {
        return session;
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    /**
     * Whether the page is rendered for the back office's page editor: the drafts, asked with {@code editBars=1}. The
     * areas and components are then framed by Magnolia's page-editor comments ({@code <!-- cms:area … -->}), from
     * which the editor draws its bars; the site never sees them.
     */
    public boolean editBars() {
        String[] asked = parameters.get(EDIT_BARS);
        return stage == ContentStage.DRAFT && asked != null && asked.length > 0 && "1".equals(asked[0]);
    }

    public ContentStage stage() {
        return stage;
    }

    /** The address on the site, in this request's language and stage, of the page with id {@code id}, if it exists. */
    java.util.Optional<String> pageAddress(String id) {
        try {
            javax.jcr.Node page = stage.nodeByIdentifier(session, id);
            return page.isNodeType(NodeTypes.PAGE) ? java.util.Optional.of(new LinkBuilder(this).pageLink(page))
                    : java.util.Optional.empty();
        } catch (javax.jcr.RepositoryException | IllegalArgumentException e) {
            return java.util.Optional.empty(); // gone, or not published: the link keeps the address it had
        }
    }

    /** The JCR path of a workspace path in this request's stage; {@link IllegalArgumentException} for a bad workspace. */
    public String jcrPath(String workspace, String path) {
        try {
            return stage.toJcrPath(session, workspaces, workspace, path);
        } catch (RepositoryException e) {
            throw new IllegalArgumentException("Bad path " + path + " in " + workspace, e);
        }
    }

    /** The node of a uuid in this request's stage, or null. */
    public Node nodeById(String id) {
        try {
            return stage.nodeByIdentifier(session, id.trim());
        } catch (RepositoryException | IllegalArgumentException e) {
            return null;
        }
    }

    public DefinitionRegistry registry() {
        return registry;
    }

    public String language() {
        return language;
    }

    public boolean isDefaultLanguage() {
        return languages().isDefault(language);
    }

    /** The site's languages; French then English when no site definition says otherwise. */
    public SiteDefinition.SiteLanguages languages() {
        return site().map(SiteDefinition::languages).orElse(SiteDefinition.SiteLanguages.DEFAULT);
    }

    public Locale locale() {
        return locale;
    }

    public AggregationState state() {
        return state;
    }

    public Map<String, String[]> parameters() {
        return parameters;
    }

    public ContentMap wrap(Node node) {
        return node == null ? null : new NodeContentMap(node, this);
    }

    /**
     * The site this request is for: the site definition chosen for the host of {@link #publicUrl()} (see
     * {@link DefinitionRegistry#site}); empty when no module defines a site.
     */
    public Optional<SiteDefinition> site() {
        if (site == null) {
            site = registry.site(hostOf(publicUrl));
        }
        return site;
    }

    static String hostOf(String url) {
        return url == null || url.isEmpty() ? null : PublicUrl.of(url).host();
    }

    /** The site's root page (see {@link SiteRoot}), if it exists in this stage. */
    public Optional<Node> siteRoot() {
        if (siteRoot == null) {
            siteRoot = SiteRoot.find(session, jcrPath("website", "/"), registry, site());
        }
        return siteRoot;
    }

    /** Per-request memo of the page showing the items of a workspace (see {@link LinkBuilder}). */
    Map<String, Optional<Node>> detailPages() {
        return detailPages;
    }

    Node nodeOrNull(String jcrPath) {
        try {
            return session.nodeExists(jcrPath) ? session.getNode(jcrPath) : null;
        } catch (RepositoryException | IllegalArgumentException e) {
            return null;
        }
    }
}
