package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.admin.authoring.shared.PublishingActions;
import fr.usinesouvertes.platform.admin.authoring.form.FieldError;
import fr.usinesouvertes.platform.admin.authoring.form.FieldKind;
import fr.usinesouvertes.platform.admin.authoring.form.FieldNotice;
import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormField;
import fr.usinesouvertes.platform.admin.authoring.form.FormReader;
import fr.usinesouvertes.platform.admin.authoring.form.SiteAddresses;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.admin.authoring.form.FormValues;
import fr.usinesouvertes.platform.admin.authoring.form.FormView;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.security.Account;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;

/**
 * The content apps at {@code /admin/content/<app>/}: the list (search {@code q}, sort by a column,
 * pages of 25), create and edit through the generated form (status 422 with the errors when a field is
 * invalid, nothing saved), delete after confirmation, and the publishing buttons.
 */
@MultipartConfig(maxFileSize = 50L * 1024 * 1024, maxRequestSize = 60L * 1024 * 1024)
public final class ContentAppsServlet extends AuthoringServlet {

    static final int PAGE_SIZE = 25;
    private final transient PublishingActions publishing;
    private final transient ContentLists lists;

    public ContentAppsServlet(AuthoringContext context) {
        super(context);
        this.publishing = new PublishingActions(context.publishing(), context.reviews(), context.clock(), context.zone());
        this.lists = ContentLists.open(context);
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> index(request, response))
                .get("/{app}", (request, response, route) -> list(request, response, app(route)))
                .get("/{app}/", (request, response, route) -> list(request, response, app(route)))
                .get("/{app}/new", (request, response, route) ->
                        edit(request, response, app(route), null, FormValues.empty(), List.of(), List.of(), 200, true))
                .get("/{app}/edit", (request, response, route) ->
                        edit(request, response, app(route), param(request, "path"), null, List.of(), List.of(), 200, false))
                .get("/{app}/delete", (request, response, route) -> confirmDelete(request, response, app(route)))
                .get("/{app}/preview", (request, response, route) -> preview(request, response, app(route)))
                .post("/{app}/new", (request, response, route) -> save(request, response, app(route), null))
                .post("/{app}/edit", (request, response, route) -> save(request, response, app(route), param(request, "path")))
                .post("/{app}/delete", (request, response, route) -> delete(request, response, app(route)))
                .post("/{app}/publishing", (request, response, route) -> publish(request, response, app(route)))
                .build();
    }

    private void index(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, Object>> apps = new ArrayList<>();
        DefinitionRegistry registry = context.definitions().get();
        for (ContentApp app : ContentApp.all(registry)) {
            apps.add(Map.of("name", app.name(), "label", app.label(registry, lang(request)), "workspace", app.workspace()));
        }
        render(request, response, 200, "content-index.ftlh", Map.of("contentApps", apps));
    }

    private void list(HttpServletRequest request, HttpServletResponse response, ContentApp app) throws IOException {
        Account account = account(request);
        Form form = app.form(context.definitions().get(), lang(request));
        List<FormField> columns = form.fields().stream().filter(f -> f.kind() == FieldKind.TEXT
                || f.kind() == FieldKind.DATE || f.kind() == FieldKind.SELECT).limit(3).toList();
        String q = param(request, "q");
        String sort = param(request, "sort");
        boolean desc = "desc".equals(param(request, "dir"));
        int offset = Math.max(0, parseInt(param(request, "offset")));
        SearchIndex index = lists.current(app);
        ContentItems.ItemPage page = context.repository().readAs(account.login(), session -> ContentItems.list(index, session, app,
                columns.stream().map(FormField::name).toList(), q, sort.isEmpty() ? "@name" : sort, desc, offset, PAGE_SIZE, context.zone()));
        List<Map<String, Object>> items = new ArrayList<>();
        for (ContentItems.Item item : page.items()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", item.path());
            row.put("name", item.name());
            row.put("values", columns.stream().map(c -> item.columns().getOrDefault(c.name(), "")).toList());
            row.put("badge", publishing.badge(app.workspace(), item.path(), lang(request)));
            items.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("app", Map.of("name", app.name(), "label", app.label(context.definitions().get(), lang(request))));
        model.put("columns", columns.stream().map(c -> Map.of("name", c.name(), "label", c.displayLabel())).toList());
        model.put("items", items);
        model.put("q", q);
        model.put("sort", sort.isEmpty() ? "@name" : sort);
        model.put("desc", desc);
        model.put("total", page.total());
        model.put("offset", page.offset());
        model.put("pageSize", PAGE_SIZE);
        model.put("publishing", publishing.enabled(app.workspace()));
        render(request, response, 200, "content-list.ftlh", model);
    }

    private void edit(HttpServletRequest request, HttpServletResponse response, ContentApp app, String path,
                      FormValues submitted, List<FieldError> errors, List<FieldNotice> notices, int status,
                      boolean creating) throws IOException {
        Account account = account(request);
        DefinitionRegistry registry = context.definitions().get();
        Form form = app.form(registry, lang(request));
        Map<String, Object> view = context.repository().readAs(account.login(), session -> {
            FormValues values = submitted;
            if (values == null) {
                values = new FormReader(context.zone(), SiteAddresses.of(session, registry))
                        .read(form, ContentItems.item(session, app, path));
            }
            return FormView.of(form, values, errors, notices, session, lang(request));
        });
        Map<String, Object> model = new LinkedHashMap<>();
        if (!notices.isEmpty()) {
            model.put("flash", t(request, "Enregistré. Voir les remarques sous les champs.",
                    "Saved. See the remarks below the fields."));
        }
        model.put("app", Map.of("name", app.name(), "label", app.label(context.definitions().get(), lang(request))));
        model.put("form", view);
        model.put("creating", creating);
        model.put("nodePath", path == null ? "" : path);
        model.put("itemName", submitted == null ? "" : submitted.first("_name"));
        model.put("badge", creating ? Map.of() : publishing.badge(app.workspace(), path, lang(request)));
        model.put("scheduled", creating ? List.of() : publishing.scheduled(app.workspace(), path));
        model.put("review", creating ? Map.of() : publishing.review(account, app.workspace(), path));
        model.put("publishing", !creating && publishing.enabled(app.workspace()));
        model.put("multipart", form.fields().stream().anyMatch(f -> f.kind() == FieldKind.UPLOAD));
        model.put("previewLanguages", previewLanguages(siteLanguages().defaultLocale()));
        model.put("previewable", !creating && context.preview().get() != null
                && context.preview().get().itemPath(app.workspace(), "item").isPresent());
        render(request, response, status, "content-edit.ftlh", model);
    }

    /**
     * The item's draft in the page that shows it (the site's detail page for the app's workspace), in the site's
     * default language or, with {@code language=<locale>}, another of its languages: what it will look like once
     * published.
     */
    private void preview(HttpServletRequest request, HttpServletResponse response, ContentApp app) throws IOException {
        String path = param(request, "path");
        String name = context.repository().readAs(account(request).login(),
                session -> ContentItems.item(session, app, path).getName());
        String sitePath = context.preview().get() == null ? null
                : context.preview().get().itemPath(app.workspace(), name).orElse(null);
        if (sitePath == null) {
            throw AuthoringException.notFound("Aucune page du site ne montre ces éléments : pas d'aperçu.",
                    "No page of the site shows these items: no preview.");
        }
        context.preview().get().render(request, response, inPreviewLanguage(request, sitePath));
    }

    private void save(HttpServletRequest request, HttpServletResponse response, ContentApp app, String path)
            throws IOException, ServletException {
        Account account = account(request);
        Form form = app.form(context.definitions().get(), lang(request));
        FormValues values = values(request);
        boolean creating = path == null;
        String[] saved = new String[1];
        List<FieldNotice> notices = new ArrayList<>();
        List<FieldError> errors = context.repository().writeAs(account.login(), session -> {
            Node node;
            if (creating) {
                String title = form.fields().isEmpty() ? "" : values.first(form.fields().get(0).name());
                node = ContentItems.create(session, app, values.first("_name"), title);
            } else {
                node = ContentItems.item(session, app, path);
            }
            List<FieldError> found = FormSubmission.apply(form, values, node, account.login(), context.clock(),
                    context.zone(), notices, SiteAddresses.of(session, context.definitions().get()));
            if (!found.isEmpty()) {
                session.refresh(false); // drop the new item too: nothing is saved when a field is invalid
                return found;
            }
            saved[0] = node.getPath().substring(app.workspace().length() + 1);
            return found;
        });
        if (!errors.isEmpty()) {
            edit(request, response, app, path, values, errors, List.of(), 422, creating);
            return;
        }
        if (!notices.isEmpty()) { // saved, but cleaning removed something: shown next to the fields at once
            edit(request, response, app, saved[0], null, List.of(), notices, 200, false);
            return;
        }
        redirect(request, response, "/admin/content/" + app.name() + "/edit?path=" + encode(saved[0]),
                t(request, "Enregistré.", "Saved."));
    }

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response, ContentApp app) throws IOException {
        String path = param(request, "path");
        context.repository().readAs(account(request).login(), session -> ContentItems.item(session, app, path));
        render(request, response, 200, "confirm-delete.ftlh", Map.of("what", path,
                "action", "/admin/content/" + app.name() + "/delete", "nodePath", path,
                "back", "/admin/content/" + app.name() + "/"));
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, ContentApp app) throws IOException {
        Account account = account(request);
        String path = param(request, "path");
        context.repository().readAs(account.login(), session -> ContentItems.item(session, app, path));
        if (publishing.enabled(app.workspace())) {
            context.publishing().delete(account.login(), app.workspace(), path);
        } else {
            context.repository().writeAs(account.login(), session -> {
                ContentItems.item(session, app, path).remove();
                return null;
            });
        }
        redirect(request, response, "/admin/content/" + app.name() + "/", t(request, "Supprimé.", "Deleted."));
    }

    private void publish(HttpServletRequest request, HttpServletResponse response, ContentApp app) throws IOException {
        Account account = account(request);
        String path = param(request, "path");
        context.repository().readAs(account.login(), session -> ContentItems.item(session, app, path));
        String message = publishing.run(account, app.workspace(), path, param(request, "action"),
                param(request, "scheduleAction"), param(request, "scheduleAt"), param(request, "scheduleId"), lang(request));
        redirect(request, response, "/admin/content/" + app.name() + "/edit?path=" + encode(path), message);
    }

    /** The app of the route's {@code {app}} segment. */
    private ContentApp app(Router.Match<Router.Page> route) {
        String name = route.get("app");
        return ContentApp.named(context.definitions().get(), name).orElseThrow(
                () -> AuthoringException.notFound("Application introuvable : " + name, "App not found: " + name));
    }

    private static int parseInt(String text) {
        try {
            return text.isEmpty() ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
