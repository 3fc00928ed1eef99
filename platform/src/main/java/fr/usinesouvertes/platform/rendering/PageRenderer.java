package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.module.PageNotFoundException;
import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the page at a URL path into HTML with a status: 200 for a page, 404 for an unknown one (the
 * site's own {@code 404} page below the root when there is one, else a built-in French or English page),
 * and 500 with a plain error page — logged, never a stack trace — when the page's own template is
 * missing or fails. Definitions are read afresh for each request, so reloads apply at once.
 */
public final class PageRenderer {

    private static final Logger LOG = LoggerFactory.getLogger(PageRenderer.class);
    private static final String NOT_FOUND_PAGE = "404";

    /** A rendered page: HTTP status, language and HTML. */
    private final ContentRepository repository;
    private final Definitions definitions;
    private final TemplateEngine engine;
    private final WebResources webResources;
    private final Supplier<Map<String, Object>> contributedFunctions;
    private final ContentStage stage;
    private final RichTextSanitizer richText;

    /** A renderer of the site with a rich-text sanitizer of its own. */
    public PageRenderer(ContentRepository repository, Definitions definitions, TemplateEngine engine,
                        WebResources webResources, Supplier<Map<String, Object>> contributedFunctions) {
        this(repository, definitions, engine, webResources, contributedFunctions, ContentStage.PUBLIC,
                new RichTextSanitizer());
    }

    /**
     * A renderer reading {@code stage}: {@link ContentStage#PUBLIC} for the site, {@link ContentStage#DRAFT} for
     * previews; {@code richText} is shared by a platform's renderers.
     */
    public PageRenderer(ContentRepository repository, Definitions definitions, TemplateEngine engine,
                        WebResources webResources, Supplier<Map<String, Object>> contributedFunctions,
                        ContentStage stage, RichTextSanitizer richText) {
        this.stage = stage;
        this.richText = richText;
        this.repository = repository;
        this.definitions = definitions;
        this.engine = engine;
        this.webResources = webResources;
        this.contributedFunctions = contributedFunctions;
    }

    /** Renders the page of a URL path (query string excluded); {@code parameters} are the request's. */
    public RenderedPage render(String path, Map<String, String[]> parameters) {
        return render(path, parameters, "");
    }

    /** As {@link #render(String, Map)}, with the site's public address for absolute URLs ({@code ctx.publicUrl}). */
    public RenderedPage render(String path, Map<String, String[]> parameters, String publicUrl) {
        return repository.read(session -> render(session, path, parameters, publicUrl));
    }

    /** As {@link #render(String, Map, String)}, reading {@code session} (with any unsaved change it holds). */
    RenderedPage render(Session session, String path, Map<String, String[]> parameters, String publicUrl)
            throws RepositoryException {
        DefinitionRegistry registry = definitions.current();
        PageResolver.LocalizedPath localized = localize(registry, path, publicUrl);
        RenderContext context = context(session, registry, localized.language(), path, parameters);
        context.setPublicUrl(publicUrl);
        LinkBuilder links = new LinkBuilder(context);
        Optional<PageResolver.Resolved> resolved = PageResolver.resolve(context, localized.path(), links);
        if (resolved.isEmpty()) {
            return notFound(session, registry, localized.language(), path, parameters, publicUrl);
        }
        RenderedPage page = renderPage(context, resolved.get(), 200);
        return page != null ? page : notFound(session, registry, localized.language(), path, parameters, publicUrl);
    }

    /** Whether a site definition names {@code host} among its domains (the platform serves it at that address). */
    boolean isSiteDomain(String host) {
        return definitions.current().isSiteDomain(host);
    }

    /** The language a URL path asks for (its prefix among the site's languages) and the path without it. */
    PageResolver.LocalizedPath localize(String path, String publicUrl) {
        return localize(definitions.current(), path, publicUrl);
    }

    private static PageResolver.LocalizedPath localize(DefinitionRegistry registry, String path, String publicUrl) {
        return PageResolver.localize(path, registry.siteLanguages(RenderContext.hostOf(publicUrl)));
    }

    /**
     * The site path at which the page of this renderer's stage shows an item of {@code workspace} named
     * {@code itemName} ({@code /salle-de-presse/<name>}, as links to it are written), when a page's template shows that
     * workspace's items as details ({@code parameters.detailWorkspace}).
     */
    public Optional<String> detailLink(String workspace, String itemName) {
        DefinitionRegistry registry = definitions.current();
        return repository.read(session -> {
            RenderContext context = context(session, registry, localize(registry, "/", "").language(), "/", Map.of());
            LinkBuilder links = new LinkBuilder(context);
            Optional<Node> page = links.detailPage(workspace);
            return page.isEmpty() ? Optional.<String>empty() : Optional.of(
                    (links.pageLink(page.get()).equals("/") ? "" : links.pageLink(page.get())) + "/"
                            + LinkBuilder.encodeSegment(itemName));
        });
    }

    /**
     * Renders the template {@code script} for a URL path a module serves itself (see {@link ModulePages}): the
     * site's home page in the path's language is {@code content}, the path without its language prefix is
     * {@code pagePath}; 200 unless the script set another status, 500 with the plain error page (logged) when it fails.
     */
    RenderedPage renderScript(String path, Map<String, String[]> parameters, String publicUrl, String script,
                              Map<String, Object> variables) {
        DefinitionRegistry registry = definitions.current();
        PageResolver.LocalizedPath localized = localize(registry, path, publicUrl);
        return repository.read(session -> {
            RenderContext context = context(session, registry, localized.language(), path, parameters);
            context.setPublicUrl(publicUrl);
            Node home = context.siteRoot().orElse(null);
            if (home != null) {
                context.state().setMainContentNode(home);
            }
            Map<String, Object> model = new HashMap<>(variables);
            model.put(ModulePages.PAGE_PATH, localized.path());
            TemplateRenderer renderer = new TemplateRenderer(engine, context, self -> globals(context, self));
            StringWriter html = new StringWriter();
            try {
                renderer.renderScript(home, script, model, html);
            } catch (IllegalArgumentException e) {
                throw e; // the module's variables clash with the platform's: the caller's mistake, not the script's
            } catch (Exception e) {
                LOG.error("Module page {} failed to render with {}", path, script, e);
                return new RenderedPage(500, context.language(), FallbackPages.serverError(context.language()));
            }
            return new RenderedPage(context.responseStatus(200), context.language(), html.toString());
        });
    }

    /** The rendered page, or null when its script threw {@link PageNotFoundException}. */
    private RenderedPage renderPage(RenderContext context, PageResolver.Resolved resolved, int status) {
        Node page = resolved.page();
        String pagePath = TemplateRenderer.pathOf(page);
        String templateId = NodeTypes.template(page);
        Optional<TemplateDefinition> template = templateId == null ? Optional.empty()
                : context.registry().template(templateId);
        if (template.isPresent() && template.get().isFrontEnd()) {
            return frontEndPage(context, page, template.get());
        }
        if (template.isEmpty() || template.get().templateScript() == null) {
            LOG.error("Page {} cannot be rendered: template '{}' {}", pagePath, templateId,
                    template.isEmpty() ? "is not defined" : "has no templateScript");
            return new RenderedPage(500, context.language(), FallbackPages.serverError(context.language()));
        }
        context.state().setMainContentNode(page);
        context.state().setSelector(resolved.selector());
        TemplateRenderer renderer = new TemplateRenderer(engine, context, self -> globals(context, self));
        StringWriter html = new StringWriter();
        try {
            renderer.renderPage(page, template.get(), resolved.item(), html);
        } catch (Exception e) {
            if (isPageNotFound(e)) {
                return null; // the script found its detail item must not be public
            }
            LOG.error("Page {} failed to render with template '{}' ({})", pagePath, templateId,
                    template.get().templateScript(), e);
            return new RenderedPage(500, context.language(), FallbackPages.serverError(context.language()));
        }
        // a page answered 200 may ask for another status (ctx.response.setStatus); a 404 page stays 404
        return new RenderedPage(status == 200 ? context.responseStatus(200) : status, context.language(), html.toString());
    }

    /**
     * A page rendered by a front end (SPA), served as Magnolia serves it: the front end's built file named by
     * {@code templateScript} (its {@code index.html}) as it is; when the module ships none, a short page saying where
     * the content is shown. Never a server error: the page is fine, its renderer lives elsewhere.
     */
    private RenderedPage frontEndPage(RenderContext context, Node page, TemplateDefinition template) {
        String script = template.templateScript();
        try {
            Optional<String> html = script == null ? Optional.empty() : engine.fileText(script);
            if (html.isPresent()) {
                return new RenderedPage(200, context.language(), html.get());
            }
        } catch (IOException e) {
            LOG.warn("Front-end page {}: cannot read {}", TemplateRenderer.pathOf(page), script, e);
        }
        String title = context.wrap(page).get("title") instanceof String t ? t : null;
        return new RenderedPage(200, context.language(), FallbackPages.frontEndPage(context.language(), title, home(context)));
    }

    private static String home(RenderContext context) {
        String prefix = context.languages().prefix(context.language());
        return prefix.isEmpty() ? "/" : prefix;
    }

    private RenderedPage notFound(Session session, DefinitionRegistry registry, String language, String path,
                                  Map<String, String[]> parameters, String publicUrl) throws RepositoryException {
        RenderContext context = context(session, registry, language, path, parameters);
        context.setPublicUrl(publicUrl);
        Optional<Node> root = context.siteRoot();
        if (root.isPresent() && root.get().hasNode(NOT_FOUND_PAGE)
                && root.get().getNode(NOT_FOUND_PAGE).isNodeType(NodeTypes.PAGE)) {
            RenderedPage page = renderPage(context,
                    new PageResolver.Resolved(root.get().getNode(NOT_FOUND_PAGE), null, ""), 404);
            if (page != null && page.status() == 404) {
                return page;
            }
        }
        return new RenderedPage(404, language, FallbackPages.notFound(language, path, home(context)));
    }

    private RenderContext context(Session session, DefinitionRegistry registry, String language, String path,
                                  Map<String, String[]> parameters) {
        AggregationState state = new AggregationState(path, path, RenderContext.localeOf(language));
        RenderContext context = new RenderContext(session, repository.workspaces(), registry, language, state,
                parameters, stage);
        context.setRichText(richText);
        return context;
    }

    /** The request-wide template variables; the platform's own win over same-named module contributions. */
    private Map<String, Object> globals(RenderContext context, TemplateRenderer renderer) {
        LinkBuilder links = new LinkBuilder(context);
        Map<String, Object> globals = new HashMap<>(contributedFunctions.get());
        globals.put("cmsfn", new CmsFunctions(context, links));
        globals.put("damfn", new DamFunctions(context));
        globals.put("resfn", new ResourceFunctions(webResources));
        globals.put("sitefn", new SiteFunctions(context.registry(), context.site()));
        globals.put("navfn", new NavigationFunctions(context, links));
        globals.put("i18n", new I18nModel(context.registry().messages(), context.language(), context.locale()));
        globals.put("ctx", new WebContext(context));
        globals.put("state", context.state());
        globals.put("lang", context.language());
        globals.put("cms", CmsDirectives.forRequest(renderer));
        return globals;
    }

    private static boolean isPageNotFound(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof PageNotFoundException) {
                return true;
            }
        }
        return false;
    }
}
