package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.admin.authoring.content.ContentApp;
import fr.usinesouvertes.platform.admin.authoring.form.FieldError;
import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormReader;
import fr.usinesouvertes.platform.admin.authoring.form.FormSubmission;
import fr.usinesouvertes.platform.admin.authoring.form.FormValues;
import fr.usinesouvertes.platform.admin.authoring.form.FormView;
import fr.usinesouvertes.platform.admin.authoring.form.UploadedFile;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.admin.authoring.shared.PublishingActions;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.http.ErrorBody;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.publishing.PublicationStatus;
import fr.usinesouvertes.platform.security.Account;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.Session;

/**
 * The assets app at {@code /admin/assets/}: a grid of a folder's sub-folders and files with thumbnails (60 a
 * page), a search by name or title below the folder, upload of one or several files (multipart, types sniffed, size
 * limited; with JavaScript, dropped files go one request each with progress), new folder, publishing of a
 * folder with everything in it. An asset's screen ({@code asset?path=}) edits its metadata, replaces its
 * file, lists the pages and items using it, publishes it; deleting a used asset or folder warns with that
 * list. With {@code choose=1} each asset shows its id to copy into a form's asset field. Images are shown
 * through the renditions of their drafts.
 */
@MultipartConfig(maxFileSize = 60L * 1024 * 1024, maxRequestSize = 100L * 1024 * 1024)
public final class AssetsServlet extends AuthoringServlet {

    static final String BASE = "/admin/assets/";
    /** Search results and "where used" lists stop there. */
    static final int LIMIT = 200;
    /** Folders and files shown per page of a folder or of search results. */
    static final int PAGE = 60;

    private final transient AssetStore store;
    private final transient PublishingActions publishing;

    public AssetsServlet(AuthoringContext context) {
        super(context);
        this.store = new AssetStore(context.maxUploadBytes(), context.clock());
        this.publishing = new PublishingActions(context.publishing(), context.clock(), context.zone());
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/draft/{path...}", (request, response, route) -> {
                    // draft files for the back office's thumbnails: the public /dam/ serves published assets only
                    if (context.preview().get() == null) {
                        throw AuthoringException.notFound("Fichier introuvable.", "File not found.");
                    }
                    context.preview().get().asset(request, response, "/" + route.get("path"));
                })
                .get("/", (request, response, route) -> render(request, response, 200, "assets.ftlh", listing(request)))
                .get("/asset", (request, response, route) ->
                        assetScreen(request, response, param(request, "path"), null, List.of(), 200))
                .get("/delete", (request, response, route) -> confirmDelete(request, response, param(request, "path")))
                .get("/links.json", (request, response, route) -> links(request, response))
                .post("/upload", (request, response, route) ->
                        upload(request, response, account(request), folder(request), back(request)))
                .post("/folder", (request, response, route) -> {
                    String folder = folder(request);
                    context.repository().writeAs(account(request).login(),
                            session -> store.createFolder(session, folder, param(request, "name")));
                    redirect(request, response, back(request), t(request, "Dossier créé.", "Folder created."));
                })
                .post("/asset", (request, response, route) ->
                        saveMetadata(request, response, account(request), param(request, "path")))
                .post("/replace", (request, response, route) -> {
                    Account account = account(request);
                    FormValues values = values(request);
                    String path = values.first("path");
                    context.repository().writeAs(account.login(), session ->
                            store.replace(session, path, values.fileOf("file"), account.login()).getPath());
                    redirect(request, response, assetLink(path), t(request,
                            "Fichier remplacé : les liens vers ce fichier montrent maintenant le nouveau. Publiez-le pour le mettre en ligne.",
                            "File replaced: links to this file now show the new one. Publish it to put it online."));
                })
                .post("/delete", (request, response, route) -> delete(request, response, account(request), param(request, "path")))
                .post("/publishing", (request, response, route) ->
                        publish(request, response, account(request), param(request, "path")))
                .build();
    }

    /** The folder of the {@code folder} parameter, {@code /} when absent. */
    private static String folder(HttpServletRequest request) {
        return param(request, "folder").isEmpty() ? "/" : param(request, "folder");
    }

    /** The grid of the request's folder. */
    private static String back(HttpServletRequest request) {
        return BASE + "?folder=" + encode(folder(request));
    }

    /**
     * The media library for the rich-text editor's pickers, as JSON: {@code [{title, path, value, image, alt,
     * thumbnail}]} with {@code value} the public link ({@code /dam/jcr:<uuid>/<file>}), {@code alt} the alternative
     * text in the back office's language and {@code thumbnail} a draft rendition for images.
     */
    private void links(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean en = "en".equals(lang(request));
        List<Map<String, Object>> links = context.repository().readAs(account(request).login(), session -> {
            List<Map<String, Object>> found = new ArrayList<>();
            for (AssetStore.Entry entry : store.all(session, 2_000)) {
                Node asset = AssetStore.asset(session, entry.path());
                boolean image = entry.mimeType().startsWith("image/");
                Map<String, Object> link = new LinkedHashMap<>();
                link.put("title", entry.title().equals(entry.name()) ? entry.path() : entry.title() + " (" + entry.path() + ")");
                link.put("path", entry.path());
                link.put("value", entry.link());
                link.put("image", image);
                link.put("alt", metadata(asset, en ? "alternative_en" : "alternative", "alternative"));
                link.put("thumbnail", image ? thumbnail(draftLink(entry.link()), entry.mimeType(), 320) : "");
                found.add(link);
            }
            return found;
        });
        writeJson(response, 200, links);
    }

    private static String metadata(Node asset, String name, String fallback) throws javax.jcr.RepositoryException {
        for (String property : new String[] {name, fallback}) {
            if (asset.hasProperty(property) && !asset.getProperty(property).getString().isBlank()) {
                return asset.getProperty(property).getString();
            }
        }
        return "";
    }

    // --- the folder grid and the search

    private Map<String, Object> listing(HttpServletRequest request) {
        String login = account(request).login();
        String folder = folder(request);
        String q = param(request, "q");
        List<AssetStore.Entry> entries = context.repository().readAs(login, session -> q.isEmpty()
                ? store.list(session, folder) : store.search(session, folder, q, LIMIT));
        int offset = Math.max(0, Math.min(parseInt(param(request, "offset")), entries.size() - 1));
        offset -= offset % PAGE;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AssetStore.Entry entry : entries.subList(Math.min(offset, entries.size()), Math.min(offset + PAGE, entries.size()))) {
            rows.add(row(entry, request));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("total", entries.size());
        model.put("offset", offset);
        model.put("pageSize", PAGE);
        model.put("folder", folder);
        model.put("folderName", folder.equals("/") ? "" : folder.substring(folder.lastIndexOf('/') + 1));
        model.put("crumbs", crumbs(folder));
        model.put("entries", rows);
        model.put("q", q);
        model.put("limited", !q.isEmpty() && entries.size() >= LIMIT);
        model.put("choose", "1".equals(param(request, "choose")));
        model.put("maxMegabytes", store.maxBytes() / 1024 / 1024);
        model.put("publishing", publishing.enabled("dam"));
        model.put("folderBadge", folder.equals("/") ? Map.of() : folderBadge(folder, lang(request)));
        return model;
    }

    private Map<String, Object> row(AssetStore.Entry entry, HttpServletRequest request) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("path", entry.path());
        row.put("name", entry.name());
        row.put("title", entry.title());
        row.put("folder", entry.folder());
        row.put("id", entry.id());
        row.put("mimeType", entry.mimeType());
        row.put("type", typeLabel(entry.mimeType()));
        row.put("size", size(entry.size(), lang(request)));
        row.put("parent", entry.path().substring(0, Math.max(1, entry.path().lastIndexOf('/'))));
        String draftLink = draftLink(entry.link());
        row.put("link", draftLink);
        row.put("thumbnail", thumbnail(draftLink, entry.mimeType(), 320));
        row.put("badge", publishing.badge("dam", entry.path(), lang(request)));
        return row;
    }

    /** The folder's own badge, with how many files or folders inside (at any depth) are not published as they are. */
    private Map<String, Object> folderBadge(String path, String lang) {
        Map<String, Object> badge = new LinkedHashMap<>(publishing.badge("dam", path, lang));
        if (!badge.isEmpty()) {
            int pending = context.publishing().unpublishedBelow("dam", path);
            badge.put("pending", pending);
            if (pending > 0 && "published".equals(badge.get("status"))) {
                badge.put("status", "modified");
                badge.put("label", "en".equals(lang) ? "Contents to publish" : "Contenu à publier");
            }
        }
        return badge;
    }

    private static int parseInt(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<Map<String, String>> crumbs(String folder) {
        List<Map<String, String>> crumbs = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        for (String segment : folder.split("/")) {
            if (!segment.isEmpty()) {
                path.append('/').append(segment);
                crumbs.add(Map.of("name", segment, "path", path.toString()));
            }
        }
        return crumbs;
    }

    // --- uploads

    /**
     * Stores every file of the request's {@code file} parts in one commit: when one is refused, none is
     * stored and the answer names it. A request asking for JSON (the page's script sends one file per
     * request) gets {@code 201 {"path","id","title"}} or {@code 4xx {"code","message"}}.
     */
    private void upload(HttpServletRequest request, HttpServletResponse response, Account account, String folder,
                        String back) throws IOException, ServletException {
        boolean json = String.valueOf(request.getHeader("Accept")).contains("application/json");
        try {
            List<UploadedFile> files = files(request);
            if (files.isEmpty()) {
                throw AuthoringException.invalid("Choisissez un fichier.", "Choose a file.");
            }
            List<AssetStore.Entry> stored = context.repository().writeAs(account.login(), session -> {
                List<AssetStore.Entry> entries = new ArrayList<>();
                for (UploadedFile file : files) {
                    try {
                        entries.add(AssetStore.entry(store.upload(session, folder, file, account.login())));
                    } catch (AuthoringException e) {
                        throw named(e, file);
                    }
                }
                return entries;
            });
            if (json) {
                AssetStore.Entry entry = stored.get(0);
                writeJson(response, 201, Map.of("path", entry.path(), "id", entry.id(), "title", entry.title(),
                        "screen", assetLink(entry.path())));
                return;
            }
            redirect(request, response, back, stored.size() == 1
                    ? t(request, "Fichier ajouté : ", "File added: ") + stored.get(0).path()
                    : t(request, stored.size() + " fichiers ajoutés.", stored.size() + " files added."));
        } catch (AuthoringException e) {
            if (!json) {
                throw e;
            }
            writeJson(response, e.status(), new ErrorBody(e.status() == 404 ? "notFound" : "invalidFile",
                    e.message(lang(request))));
        }
    }

    private static List<UploadedFile> files(HttpServletRequest request) throws IOException, ServletException {
        List<UploadedFile> files = new ArrayList<>();
        String type = request.getContentType();
        if (type == null || !type.startsWith("multipart/form-data")) {
            return files;
        }
        for (Part part : request.getParts()) {
            if ("file".equals(part.getName()) && part.getSubmittedFileName() != null && part.getSize() > 0) {
                try (InputStream in = part.getInputStream()) {
                    files.add(new UploadedFile(part.getSubmittedFileName(), part.getContentType(), in.readAllBytes()));
                }
            }
        }
        return files;
    }

    /** The refusal of one file among several, naming it. */
    private static AuthoringException named(AuthoringException e, UploadedFile file) {
        String name = file.fileName() == null ? "" : file.fileName().replaceAll(".*[/\\\\]", "");
        return new AuthoringException(e.status(), "« " + name + " » : " + e.message("fr"),
                "“" + name + "”: " + e.message("en"));
    }

    private static void writeJson(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        JsonMapper.mapper().writeValue(response.getOutputStream(), body);
    }

    // --- an asset's screen: metadata, replacement, where used, publishing

    private void assetScreen(HttpServletRequest request, HttpServletResponse response, String path, FormValues submitted,
                             List<FieldError> errors, int status) throws IOException {
        String lang = lang(request);
        Form form = AssetMetadata.form(lang);
        Map<String, Object> model = context.repository().readAs(account(request).login(), session -> {
            Node asset = AssetStore.asset(session, path);
            AssetStore.Entry entry = AssetStore.entry(asset);
            Node resource = asset.hasNode("jcr:content") ? asset.getNode("jcr:content") : null;
            FormValues values = submitted != null ? submitted : new FormReader(context.zone()).read(form, asset);
            Map<String, Object> data = new LinkedHashMap<>();
            Map<String, Object> view = row(entry, request);
            view.put("fileName", resource != null && resource.hasProperty("fileName")
                    ? resource.getProperty("fileName").getString() : asset.getName());
            view.put("width", resource != null && resource.hasProperty("width") ? resource.getProperty("width").getLong() : 0);
            view.put("height", resource != null && resource.hasProperty("height") ? resource.getProperty("height").getLong() : 0);
            view.put("preview", thumbnail(view.get("link").toString(), entry.mimeType(), 800));
            data.put("asset", view);
            data.put("form", FormView.of(form, values, errors, session, lang));
            data.put("usages", usages(session, asset));
            return data;
        });
        Map<String, Object> asset = (Map<String, Object>) model.get("asset");
        PublicationStatus state = publishing.enabled("dam") ? context.publishing().status("dam", path) : null;
        model.put("publicLink", state == null || state == PublicationStatus.DRAFT ? ""
                : asset.get("link").toString().replace("/admin/assets/draft/", "/dam/"));
        model.put("scheduled", publishing.scheduled("dam", path));
        model.put("publishing", publishing.enabled("dam"));
        model.put("maxMegabytes", store.maxBytes() / 1024 / 1024);
        model.put("crumbs", crumbs(asset.get("parent").toString()));
        render(request, response, status, "asset.ftlh", model);
    }

    private void saveMetadata(HttpServletRequest request, HttpServletResponse response, Account account, String path)
            throws IOException, ServletException {
        FormValues values = values(request);
        Form form = AssetMetadata.form(lang(request));
        List<FieldError> errors = context.repository().writeAs(account.login(), session ->
                FormSubmission.apply(form, values, AssetStore.asset(session, path), account.login(), context.clock(),
                        context.zone()));
        if (!errors.isEmpty()) {
            assetScreen(request, response, path, values, errors, 422);
            return;
        }
        redirect(request, response, assetLink(path), t(request, "Enregistré.", "Saved."));
    }

    /** The pages and items using an asset (or what a folder holds), with the back-office link to each. */
    private List<Map<String, Object>> usages(Session session, Node target) throws javax.jcr.RepositoryException {
        Map<String, String> apps = new LinkedHashMap<>();
        Set<String> workspaces = new LinkedHashSet<>();
        workspaces.add("website");
        var registry = context.definitions().get();
        for (ContentApp app : ContentApp.all(registry)) {
            apps.putIfAbsent(app.workspace(), app.name());
        }
        for (ContentTypeDefinition type : registry.contentTypes()) {
            workspaces.add(type.workspace());
        }
        List<Map<String, Object>> views = new ArrayList<>();
        for (AssetUsages.Usage usage : AssetUsages.of(target, workspaces, LIMIT)) {
            String edit = usage.page() ? "/admin/pages/page?path=" + encode(usage.path())
                    : apps.containsKey(usage.workspace())
                    ? "/admin/content/" + apps.get(usage.workspace()) + "/edit?path=" + encode(usage.path()) : "";
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("workspace", usage.workspace());
            view.put("path", usage.path());
            view.put("title", usage.title());
            view.put("page", usage.page());
            view.put("fields", String.join(", ", usage.fields()));
            view.put("assets", usage.assets());
            view.put("edit", edit);
            views.add(view);
        }
        return views;
    }

    // --- delete and publishing

    private void confirmDelete(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        List<Map<String, Object>> usages = context.repository().readAs(account(request).login(),
                session -> usages(session, existing(session, path)));
        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("what", path);
        model.put("action", BASE + "delete");
        model.put("nodePath", path);
        model.put("back", BASE + "?folder=" + encode(parent));
        model.put("usages", usages);
        render(request, response, 200, "confirm-delete.ftlh", model);
    }

    private void delete(HttpServletRequest request, HttpServletResponse response, Account account, String path)
            throws IOException {
        String parent = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        if (publishing.enabled("dam")) {
            context.repository().readAs(account.login(), session -> existing(session, path));
            context.publishing().delete(account.login(), "dam", path);
        } else {
            context.repository().writeAs(account.login(), session -> {
                existing(session, path).remove();
                return null;
            });
        }
        redirect(request, response, BASE + "?folder=" + encode(parent), t(request, "Supprimé.", "Deleted."));
    }

    /**
     * Runs a publishing button: on a folder, {@code publish-all} and {@code unpublish} take everything inside
     * along (the folders above are published as needed). Back to the folder listing the button was on
     * ({@code folder}), else to the asset's screen or the folder's listing.
     */
    private void publish(HttpServletRequest request, HttpServletResponse response, Account account, String path)
            throws IOException {
        boolean isFolder = context.repository().readAs(account.login(), session ->
                existing(session, path).isNodeType("mgnl:folder"));
        String action = param(request, "action");
        String message = publishing.run(account, "dam", path, action, param(request, "scheduleAction"),
                param(request, "scheduleAt"), param(request, "scheduleId"), lang(request));
        if (isFolder && action.equals("publish-all")) {
            message = t(request, "Dossier publié avec tout son contenu.", "Folder published with everything in it.");
        } else if (isFolder && action.equals("unpublish")) {
            message = t(request, "Dossier dépublié avec tout son contenu.", "Folder unpublished with everything in it.");
        }
        String back = !param(request, "folder").isEmpty() ? BASE + "?folder=" + encode(param(request, "folder"))
                : isFolder ? BASE + "?folder=" + encode(path) : assetLink(path);
        redirect(request, response, back, message);
    }

    private static Node existing(Session session, String path) throws javax.jcr.RepositoryException {
        if (path == null || path.equals("/") || !AssetStore.isPath(path) || !session.nodeExists("/dam" + path)) {
            throw AuthoringException.notFound("Fichier introuvable.", "File not found.");
        }
        return session.getNode("/dam" + path);
    }

    // --- links and labels

    static String assetLink(String path) {
        return BASE + "asset?path=" + encode(path);
    }

    private static String draftLink(String link) {
        return link == null || link.isEmpty() ? "" : "/admin/assets/draft" + link.substring("/dam".length());
    }

    /** A rendition for JPEG and PNG, the file itself for other images, nothing for documents. */
    private static String thumbnail(String draftLink, String mimeType, int width) {
        if (mimeType.equals("image/jpeg") || mimeType.equals("image/png")) {
            return draftLink.replaceFirst("(/jcr:[^/]+)/", "$1/w" + width + "/");
        }
        return mimeType.startsWith("image/") ? draftLink : "";
    }

    private static String typeLabel(String mimeType) {
        return switch (mimeType) {
            case "image/jpeg" -> "JPEG";
            case "image/png" -> "PNG";
            case "image/webp" -> "WebP";
            case "image/svg+xml" -> "SVG";
            case "application/pdf" -> "PDF";
            default -> mimeType;
        };
    }

    private static String size(long bytes, String lang) {
        boolean en = "en".equals(lang);
        return bytes >= 1024 * 1024
                ? String.format(en ? java.util.Locale.UK : java.util.Locale.FRANCE, "%.1f %s", bytes / 1024.0 / 1024.0, en ? "MB" : "Mo")
                : Math.max(1, (bytes + 1023) / 1024) + (en ? " KB" : " Ko");
    }
}
