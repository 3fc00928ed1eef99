package fr.usinesouvertes.platform.admin.authoring.assets;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.admin.authoring.shared.PublishingActions;
import fr.usinesouvertes.platform.admin.authoring.form.FormValues;
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

/**
 * The assets app at {@code /admin/assets/}: folders of {@code dam}, upload (multipart, type sniffed, size
 * limited), new folder, delete, publishing; with {@code choose=1} each asset shows its id to copy into a
 * form's asset field. Images are shown through their 320-pixel rendition of the draft.
 */
@MultipartConfig(maxFileSize = 60L * 1024 * 1024, maxRequestSize = 64L * 1024 * 1024)
public final class AssetsServlet extends AuthoringServlet {

    private final transient AssetStore store;
    private final transient PublishingActions publishing;

    public AssetsServlet(AuthoringContext context) {
        super(context);
        this.store = new AssetStore(context.maxUploadBytes(), context.clock());
        this.publishing = new PublishingActions(context.publishing(), context.clock(), context.zone());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String route = request.getPathInfo() == null ? "/" : request.getPathInfo();
        if (route.startsWith("/draft/")) {
            // draft files for the back office's thumbnails: the public /dam/ serves published assets only
            if (context.preview().get() == null) {
                throw AuthoringException.notFound("Fichier introuvable.", "File not found.");
            }
            context.preview().get().asset(request, response, route.substring("/draft".length()));
            return;
        }
        if (route.equals("/delete")) {
            render(request, response, 200, "confirm-delete.ftlh", Map.of("what", param(request, "path"),
                    "action", "/admin/assets/delete", "nodePath", param(request, "path"), "back", "/admin/assets/"));
            return;
        }
        String folder = param(request, "folder").isEmpty() ? "/" : param(request, "folder");
        List<AssetStore.Entry> entries = context.repository().readAs(account(request).login(), session -> store.list(session, folder));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (AssetStore.Entry entry : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", entry.path());
            row.put("name", entry.name());
            row.put("folder", entry.folder());
            row.put("id", entry.id());
            row.put("mimeType", entry.mimeType());
            row.put("size", entry.size() / 1024 + " Ko");
            String draftLink = entry.link() == null || entry.link().isEmpty() ? "" : "/admin/assets/draft" + entry.link().substring("/dam".length());
            row.put("link", draftLink);
            row.put("thumbnail", entry.mimeType().equals("image/jpeg") || entry.mimeType().equals("image/png")
                    ? draftLink.replaceFirst("(/jcr:[^/]+)/", "$1/w320/") : entry.mimeType().startsWith("image/") ? draftLink : "");
            row.put("badge", entry.folder() ? Map.of() : publishing.badge("dam", entry.path(), lang(request)));
            rows.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("folder", folder);
        model.put("parent", folder.equals("/") ? "" : folder.substring(0, Math.max(1, folder.lastIndexOf('/'))));
        model.put("entries", rows);
        model.put("choose", "1".equals(param(request, "choose")));
        model.put("maxMegabytes", store.maxBytes() / 1024 / 1024);
        model.put("publishing", publishing.enabled("dam"));
        render(request, response, 200, "assets.ftlh", model);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Account account = account(request);
        String route = request.getPathInfo() == null ? "/" : request.getPathInfo();
        String folder = param(request, "folder").isEmpty() ? "/" : param(request, "folder");
        String back = "/admin/assets/?folder=" + encode(folder);
        switch (route) {
            case "/upload" -> {
                FormValues values = values(request);
                String path = context.repository().writeAs(account.login(), session ->
                        store.upload(session, folder, values.fileOf("file"), account.login()).getPath());
                redirect(request, response, back, t(request, "Fichier ajouté : ", "File added: ") + path.substring(4));
            }
            case "/folder" -> {
                context.repository().writeAs(account.login(), session -> store.createFolder(session, folder, param(request, "name")));
                redirect(request, response, back, t(request, "Dossier créé.", "Folder created."));
            }
            case "/delete" -> {
                String path = param(request, "path");
                if (publishing.enabled("dam")) {
                    context.repository().readAs(account.login(), session -> existing(session, path));
                    context.publishing().delete(account.login(), "dam", path);
                } else {
                    context.repository().writeAs(account.login(), session -> {
                        existing(session, path).remove();
                        return null;
                    });
                }
                redirect(request, response, "/admin/assets/", t(request, "Supprimé.", "Deleted."));
            }
            case "/publishing" -> {
                String path = param(request, "path");
                context.repository().readAs(account.login(), session -> existing(session, path));
                String message = publishing.run(account.login(), "dam", path, param(request, "action"), "", "", "",
                        lang(request));
                redirect(request, response, back, message);
            }
            default -> throw AuthoringException.notFound("Page introuvable.", "Page not found.");
        }
    }

    private static javax.jcr.Node existing(javax.jcr.Session session, String path) throws javax.jcr.RepositoryException {
        if (path == null || path.isEmpty() || path.equals("/") || path.contains("..") || !session.nodeExists("/dam" + path)) {
            throw AuthoringException.notFound("Fichier introuvable.", "File not found.");
        }
        return session.getNode("/dam" + path);
    }
}
