package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.admin.authoring.shared.PublishingActions;
import fr.usinesouvertes.platform.admin.authoring.form.FieldError;
import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormReader;
import fr.usinesouvertes.platform.admin.authoring.form.SiteAddresses;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.admin.authoring.form.FormValues;
import fr.usinesouvertes.platform.admin.authoring.form.FormView;
import fr.usinesouvertes.platform.admin.authoring.form.FormDates;
import fr.usinesouvertes.platform.admin.authoring.form.FormLabels;
import fr.usinesouvertes.platform.admin.authoring.form.Forms;
import fr.usinesouvertes.platform.admin.authoring.form.FieldNotice;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.rendering.RenderContext;
import fr.usinesouvertes.platform.rendering.SiteRoot;
import fr.usinesouvertes.platform.definition.DialogDefinition;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.publishing.Fingerprint;
import fr.usinesouvertes.platform.security.Account;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * The pages app at {@code /admin/pages/}: the page tree (expanded through {@code open} parameters), a
 * page's screen (properties, sub-page creation, rename, move, delete, components per area, preview,
 * publishing, versions) and the dialogs of pages and components through the generated forms.
 */
public final class PagesServlet extends AuthoringServlet {

    static final String BASE = "/admin/pages/";
    private final transient PageOperations pages;
    private final transient PageComponents components;
    private final transient PublishingActions publishing;
    private final transient PageScreen screen;

    public PagesServlet(AuthoringContext context) {
        super(context);
        this.pages = new PageOperations(context.definitions(), context.clock());
        this.components = new PageComponents(context.definitions(), context.clock());
        this.publishing = new PublishingActions(context.publishing(), context.reviews(), context.clock(), context.zone());
        this.screen = new PageScreen(context, pages, components, publishing);
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> tree(request, response))
                .get("/page", (request, response, route) -> {
                    Map<String, Object> model = screen.model(request, param(request, "path"));
                    model.put("previewLanguages", previewLanguages(siteLanguages().defaultLocale()));
                    render(request, response, 200, "page.ftlh", model);
                })
                .get("/properties", (request, response, route) ->
                        dialog(request, response, param(request, "path"), false, null, List.of(), List.of(), 200))
                .get("/component", (request, response, route) ->
                        dialog(request, response, param(request, "path"), true, null, List.of(), List.of(), 200))
                .get("/delete", (request, response, route) -> confirmDelete(request, response))
                .get("/preview", (request, response, route) -> preview(request, response))
                .get("/editor", (request, response, route) -> editor(request, response))
                .get("/preview-at", (request, response, route) -> previewAt(request, response))
                .get("/compare", (request, response, route) ->
                        render(request, response, 200, "compare.ftlh", screen.compare(request)))
                .get("/links.json", (request, response, route) -> links(request, response))
                .post("/new", (request, response, route) -> {
                    Account account = account(request);
                    String created = context.repository().writeAs(account.login(), session -> pages.create(session,
                            param(request, "parent"), param(request, "name"), param(request, "template"),
                            param(request, "title"), account.login()));
                    redirect(request, response, page(created), t(request, "Page créée.", "Page created."));
                })
                .post("/rename", (request, response, route) -> {
                    String login = account(request).login();
                    redirect(request, response, page(context.repository().writeAs(login, session -> pages.rename(
                            session, param(request, "path"), param(request, "name"), login))),
                            t(request, "Page renommée.", "Page renamed."));
                })
                .post("/move", (request, response, route) -> {
                    String login = account(request).login();
                    redirect(request, response, page(context.repository().writeAs(login, session -> pages.move(
                            session, param(request, "path"), param(request, "parent"), login))),
                            t(request, "Page déplacée.", "Page moved."));
                })
                .post("/delete", (request, response, route) ->
                        delete(request, response, account(request), param(request, "path")))
                .post("/properties", (request, response, route) -> save(request, response, param(request, "path"), false))
                .post("/component", (request, response, route) -> save(request, response, param(request, "path"), true))
                .post("/components", (request, response, route) ->
                        componentAction(request, response, account(request), param(request, "path")))
                .post("/publishing", (request, response, route) -> {
                    Account account = account(request);
                    String path = existingPage(account, param(request, "path"));
                    String message = publishing.run(account, "website", path, param(request, "action"),
                            param(request, "scheduleAction"), param(request, "scheduleAt"), param(request, "scheduleId"),
                            lang(request));
                    redirect(request, response, page(path), message);
                })
                .post("/restore", (request, response, route) -> {
                    Account account = account(request);
                    String path = existingPage(account, param(request, "path"));
                    context.publishing().restore(account.login(), "website", path, Integer.parseInt(param(request, "version")));
                    redirect(request, response, page(path), t(request, "Version restaurée.", "Version restored."));
                })
                .build();
    }

    /** {@code path}, once checked to be a page the account may read (else a refusal). */
    private String existingPage(Account account, String path) {
        context.repository().readAs(account.login(), session -> PageOperations.existingPage(session, path));
        return path;
    }

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        context.repository().readAs(account(request).login(), session -> {
            pages.requireNotSiteRoot(PageOperations.existingPage(session, param(request, "path")),
                    "supprimée", "deleted");
            return null;
        });
        render(request, response, 200, "confirm-delete.ftlh", Map.of("what", param(request, "path"),
                    "action", BASE + "delete", "nodePath", param(request, "path"),
                "back", BASE + "page?path=" + encode(param(request, "path"))));
    }

    private void tree(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Set<String> open = new LinkedHashSet<>(List.of(request.getParameterValues("open") == null ? new String[0]
                : request.getParameterValues("open")));
        List<PageTree.Row> rows = context.repository().readAs(account(request).login(), session -> PageTree.rows(session, open));
        List<Map<String, Object>> views = rows.stream().map(row -> {
            Set<String> toggled = new LinkedHashSet<>(open);
            if (!toggled.remove(row.path())) {
                toggled.add(row.path());
            }
            StringBuilder link = new StringBuilder(BASE + "?");
            toggled.forEach(p -> link.append("open=").append(encode(p)).append('&'));
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("path", row.path());
            view.put("name", row.name());
            view.put("title", row.title());
            view.put("depth", row.depth());
            view.put("hasChildren", row.hasChildren());
            view.put("expanded", row.expanded());
            view.put("toggle", link.toString() + (lang(request).equals("en") ? "lang=en" : "") + "#p-" + row.name());
            view.put("badge", publishing.badge("website", row.path(), lang(request)));
            return view;
        }).toList();
        List<Map<String, Object>> templates = context.repository().readAs(account(request).login(),
                session -> pages.templatesFor(session, "/")).stream()
                .map(tpl -> Map.<String, Object>of("id", tpl.id(), "title", tpl.title() == null ? tpl.id() : tpl.title())).toList();
        render(request, response, 200, "pages-tree.ftlh", Map.of("rows", views, "templates", templates));
    }

    private void dialog(HttpServletRequest request, HttpServletResponse response, String path, boolean component,
                        FormValues submitted, List<FieldError> errors, List<FieldNotice> notices, int status)
            throws IOException {
        Map<String, Object> model = context.repository().readAs(account(request).login(), session -> {
            Node node = node(session, path, component);
            Form form = form(node, lang(request));
            FormValues values = submitted == null
                    ? new FormReader(context.zone(), SiteAddresses.of(session, context.definitions().get())).read(form, node)
                    : submitted;
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("form", FormView.of(form, values, errors, notices, session, lang(request)));
            if (!notices.isEmpty()) {
                data.put("flash", t(request, "Enregistré. Voir les remarques sous les champs.",
                        "Saved. See the remarks below the fields."));
            }
            data.put("nodePath", path);
            data.put("pagePath", component ? node.getParent().getParent().getPath().substring("/website".length()) : path);
            data.put("component", component);
            data.put("title", form.label() == null ? path : form.label());
            data.put("returnTo", Objects.requireNonNullElse(editorReturn(request), ""));
            return data;
        });
        render(request, response, status, "page-dialog.ftlh", model);
    }

    private void save(HttpServletRequest request, HttpServletResponse response, String path, boolean component)
            throws IOException, ServletException {
        Account account = account(request);
        FormValues values = values(request);
        String[] pagePath = new String[1];
        List<FieldNotice> notices = new java.util.ArrayList<>();
        List<FieldError> errors = context.repository().writeAs(account.login(), session -> {
            Node node = node(session, path, component);
            Node page = component ? node.getParent().getParent() : node;
            pagePath[0] = component ? page.getPath().substring("/website".length()) : path;
            String before = Fingerprint.of(page); // with its components
            List<FieldError> found = FormSubmission.apply(form(node, lang(request)), values, node, account.login(),
                    context.clock(), context.zone(), notices, SiteAddresses.of(session, context.definitions().get()));
            if (found.isEmpty() && component && !Fingerprint.of(page).equals(before)) {
                FormSubmission.touch(page, account.login(), context.clock());
            }
            return found;
        });
        if (!errors.isEmpty()) {
            dialog(request, response, path, component, values, errors, List.of(), 422);
            return;
        }
        if (!notices.isEmpty()) { // saved, but cleaning removed something: shown next to the fields at once
            dialog(request, response, path, component, null, List.of(), notices, 200);
            return;
        }
        String back = editorReturn(request);
        redirect(request, response, back != null ? back : page(pagePath[0]), t(request, "Enregistré.", "Saved."));
    }

    private void componentAction(HttpServletRequest request, HttpServletResponse response, Account account, String path)
            throws IOException {
        String action = param(request, "action");
        String component = param(request, "component");
        String by = account.login();
        switch (action) {
            case "add" -> {
                String created = context.repository().writeAs(account.login(), session -> components.add(session, path,
                        param(request, "area"), param(request, "template"), by));
                boolean hasDialog = context.definitions().get().template(param(request, "template"))
                        .map(t -> t.dialog() != null).orElse(false);
                String back = editorReturn(request);
                String dialog = BASE + "component?path=" + encode(created) + (back == null ? "" : "&return=" + encode(back));
                redirect(request, response, hasDialog ? dialog : back != null ? back : page(path),
                        t(request, "Composant ajouté.", "Component added."));
                return;
            }
            case "up", "down" -> context.repository().writeAs(account.login(), session -> {
                components.move(session, component, action.equals("up"), by);
                return null;
            });
            case "delete" -> context.repository().writeAs(account.login(), session -> {
                components.delete(session, component, by);
                return null;
            });
            default -> throw AuthoringException.invalid("Action inconnue.", "Unknown action.");
        }
        String back = editorReturn(request);
        redirect(request, response, back != null ? back : page(path) + "#components",
                t(request, "Composants mis à jour.", "Components updated."));
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Account account, String path)
            throws IOException {
        String parent = context.repository().readAs(account.login(), session -> {
            Node page = PageOperations.existingPage(session, path);
            pages.requireNotSiteRoot(page, "supprimée", "deleted");
            return page.getParent().getPath().substring("/website".length());
        });
        if (publishing.enabled("website")) {
            context.publishing().delete(account.login(), "website", path);
        } else {
            context.repository().writeAs(account.login(), session -> {
                pages.delete(session, path);
                return null;
            });
        }
        redirect(request, response, parent.isEmpty() ? BASE : page(parent), t(request, "Page supprimée.", "Page deleted."));
    }

    /**
     * The site's pages for the rich-text editor's link picker, as JSON: {@code [{title, value}]} with
     * {@code value} the page's address on the site ({@code /salle-de-presse}), indented by depth, in tree order.
     */
    private void links(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> links = context.repository().readAs(account(request).login(), session -> {
            List<Map<String, Object>> found = new java.util.ArrayList<>();
            addLinks(session.getNode("/website"), 0, session, found);
            return found;
        });
        response.setContentType("application/json;charset=UTF-8");
        fr.usinesouvertes.platform.http.JsonMapper.mapper().writeValue(response.getOutputStream(), links);
    }

    private void addLinks(Node parent, int depth, Session session, List<Map<String, Object>> found)
            throws javax.jcr.RepositoryException {
        for (javax.jcr.NodeIterator pages = parent.getNodes(); pages.hasNext() && found.size() < 2_000; ) {
            Node page = pages.nextNode();
            if (!page.isNodeType("mgnl:page")) {
                continue;
            }
            String path = page.getPath().substring("/website".length());
            String sitePath = SiteRoot.sitePath(session, path, context.definitions().get());
            if (sitePath != null) {
                found.add(Map.of("title", "\u00a0\u00a0".repeat(depth) + PageTree.title(page) + " (" + sitePath + ")",
                        "value", sitePath));
            }
            addLinks(page, depth + 1, session, found);
        }
    }

    private void preview(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sitePath = context.repository().readAs(account(request).login(), session ->
                SiteRoot.sitePath(session, param(request, "path"), context.definitions().get()));
        if (context.preview().get() == null || sitePath == null) {
            throw AuthoringException.notFound("Aperçu indisponible pour cette page.", "No preview for this page.");
        }
        if ("1".equals(param(request, RenderContext.EDIT_BARS))) {
            // shown in the page editor's frame, which is of this origin; every other admin answer refuses framing
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            String policy = response.getHeader("Content-Security-Policy");
            if (policy != null) {
                response.setHeader("Content-Security-Policy", policy.replace("frame-ancestors 'none'", "frame-ancestors 'self'"));
            }
        }
        context.preview().get().render(request, response, inPreviewLanguage(request, sitePath));
    }

    /**
     * The public page as it will be at the time {@code at} ({@code 2026-03-20T09:00} in the site's zone): what is
     * published now with every publication and unpublication scheduled until then.
     */
    private void previewAt(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String sitePath = context.repository().readAs(account(request).login(), session ->
                SiteRoot.sitePath(session, param(request, "path"), context.definitions().get()));
        if (context.preview().get() == null || context.publishing() == null || sitePath == null) {
            throw AuthoringException.notFound("Aperçu indisponible pour cette page.", "No preview for this page.");
        }
        java.time.Instant at = FormDates.parse(param(request, "at"), true, context.zone())
                .map(calendar -> calendar.toInstant()).orElseThrow(() -> AuthoringException.invalid(
                        "Champ « at » : date et heure invalides (attendu : AAAA-MM-JJTHH:MM).",
                        "Field 'at': invalid date and time (expected YYYY-MM-DDTHH:MM)."));
        context.preview().get().renderAsOf(request, response, inPreviewLanguage(request, sitePath), at,
                context.publishing());
    }

    /**
     * The page editor: the page's draft in a frame, with a bar on each area (add one of its components) and each
     * component (edit its dialog, move it, delete it), at desktop or phone width; each action comes back here.
     */
    private void editor(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = param(request, "path");
        DefinitionRegistry registry = context.definitions().get();
        String[] found = context.repository().readAs(account(request).login(), session -> new String[] {
                SiteRoot.sitePath(session, path, registry), PageTree.template(PageOperations.existingPage(session, path))});
        String sitePath = found[0];
        String language = previewLanguage(request);
        Optional<FrontEndFrame> frontEnd = Optional.ofNullable(found[1]).flatMap(registry::template)
                .flatMap(template -> FrontEndFrame.of(template, path, frontEndLanguage(registry, language),
                        context.previewTokens().issue(account(request))));
        if (frontEnd.isEmpty() && (context.preview().get() == null || sitePath == null)) {
            throw AuthoringException.notFound("Aperçu indisponible pour cette page.", "No preview for this page.");
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("nodePath", path);
        model.put("language", language);
        model.put("languageParam", siteLanguages().isDefault(language) ? "" : "&language=" + language);
        model.put("otherLanguages", previewLanguages(language));
        model.put("badge", publishing.badge("website", path, lang(request)));
        frontEnd.ifPresent(frame -> {
            frame.allowFraming(response);
            model.put("frontEndUrl", frame.url());
            model.put("frontEndOrigin", frame.origin());
            // the bars name the components an area accepts by title; Magnolia's annotations give their ids only
            FormLabels labels = FormLabels.of(registry.messages(), lang(request));
            Map<String, String> titles = new LinkedHashMap<>();
            registry.templates().stream().filter(t -> !t.isPage()).forEach(t -> titles.put(t.id(),
                    t.title() == null || t.title().isBlank() ? t.id() : labels.literal(t.title())));
            try {
                model.put("templateTitles", fr.usinesouvertes.platform.http.JsonMapper.mapper().writeValueAsString(titles));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("Cannot write the templates' titles", e);
            }
        });
        render(request, response, 200, "page-editor.ftlh", model);
    }

    /** The front end's language of the editor's: the same when the site has it, else the site's default. */
    private String frontEndLanguage(DefinitionRegistry registry, String language) {
        var languages = registry.siteLanguages(context.publicUrl().host());
        return languages.locales().contains(language) ? language : languages.defaultLocale();
    }

    /** Where an action started from the page editor goes back to: the editor of the page, or null. */
    static String editorReturn(HttpServletRequest request) {
        String back = param(request, "return");
        return back != null && back.startsWith(BASE + "editor?path=") && !back.contains("//") ? back : null;
    }

    private Node node(Session session, String path, boolean component) throws javax.jcr.RepositoryException {
        return component ? PageComponents.component(session, path) : PageOperations.existingPage(session, path);
    }

    private Form form(Node node, String lang) throws javax.jcr.RepositoryException {
        DefinitionRegistry registry = context.definitions().get();
        String template = PageTree.template(node);
        DialogDefinition dialog = registry.template(template).map(t -> t.dialog())
                .flatMap(registry::dialog).orElseThrow(() -> AuthoringException.notFound(
                        "Ce modèle n'a pas de formulaire : " + template, "This template has no dialog: " + template));
        return Forms.fromDialog(dialog, FormLabels.of(registry.messages(), lang));
    }

    static String page(String path) {
        return BASE + "page?path=" + encode(path);
    }
}
