package fr.usinesouvertes.platform.admin.authoring.tasks;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringServlet;
import fr.usinesouvertes.platform.content.ContentImportException;
import fr.usinesouvertes.platform.content.ImportMode;
import fr.usinesouvertes.platform.content.MagnoliaYamlImporter;
import fr.usinesouvertes.platform.http.Router;
import fr.usinesouvertes.platform.search.SearchIndex;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Long operations at {@code /admin/tasks/} (administrators): rebuild every search index, import content
 * files in Magnolia's YAML export format; each runs in the background and its page refreshes itself
 * ({@code Refresh} header and meta refresh, no JavaScript) until it ends.
 */
@MultipartConfig(maxFileSize = 50L * 1024 * 1024, maxRequestSize = 100L * 1024 * 1024)
public final class TasksServlet extends AuthoringServlet {

    static final int REFRESH_SECONDS = 2;
    private final transient BackgroundTasks tasks;

    public TasksServlet(AuthoringContext context, BackgroundTasks tasks) {
        super(context);
        this.tasks = tasks;
    }

    @Override
    protected Router<Router.Page> routes() {
        return Router.<Router.Page>builder()
                .get("/", (request, response, route) -> tasks(request, response))
                .post("/reindex", (request, response, route) -> submitted(request, response, tasks.submit(
                        t(request, "Réindexation de la recherche", "Search re-indexing"), account(request).login(),
                        this::reindex)))
                .post("/import", (request, response, route) -> {
                    Map<String, String> files = yamlFiles(request);
                    ImportMode mode = importMode(request);
                    submitted(request, response, tasks.submit(t(request, "Import de contenus", "Content import"),
                            account(request).login(), progress -> importAll(files, mode, progress)));
                })
                .build();
    }

    /** The tasks, or the one of the {@code task} parameter. */
    private void tasks(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = param(request, "task");
        if (!id.isEmpty()) {
            BackgroundTasks.Task task = tasks.task(id);
            if (task == null) {
                throw AuthoringException.notFound("Tâche introuvable.", "Task not found.");
            }
            boolean running = "running".equals(task.state()) || "queued".equals(task.state());
            if (running) {
                response.setHeader("Refresh", String.valueOf(REFRESH_SECONDS));
            }
            render(request, response, 200, "task.ftlh", Map.of("task", task.view(), "running", running,
                    "refresh", REFRESH_SECONDS));
            return;
        }
        List<Map<String, Object>> all = tasks.all().stream().map(BackgroundTasks.Task::view).toList();
        render(request, response, 200, "tasks.ftlh", Map.of("tasks", all));
    }

    private static void submitted(HttpServletRequest request, HttpServletResponse response, String id) throws IOException {
        redirect(request, response, "/admin/tasks/?task=" + id, null);
    }

    private String reindex(BackgroundTasks.Progress progress) {
        List<SearchIndex> indexes = context.searchIndexes().get() == null ? List.of() : context.searchIndexes().get().all();
        progress.total(indexes.size());
        long documents = 0;
        for (SearchIndex index : indexes) {
            progress.step(index.name());
            documents += index.rebuild().documents();
        }
        progress.step("");
        return indexes.size() + " index, " + documents + " documents";
    }

    private String importAll(Map<String, String> files, ImportMode mode, BackgroundTasks.Progress progress) {
        MagnoliaYamlImporter importer = new MagnoliaYamlImporter(context.repository(), mode);
        progress.total(files.size());
        List<String> imported = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            progress.step(file.getKey());
            imported.addAll(importer.importContent(file.getKey(), file.getValue())); // each file all or nothing
        }
        progress.step("");
        return String.join(", ", imported);
    }

    /** The form's answer to identifiers that exist already ({@code mode}); absent: stop, as by default. */
    private static ImportMode importMode(HttpServletRequest request) {
        String mode = request.getParameter("mode");
        try {
            return mode == null || mode.isBlank() ? ImportMode.FAIL : ImportMode.ofOption(mode);
        } catch (ContentImportException e) {
            throw AuthoringException.invalid("Mode d'import inconnu : " + mode, "Unknown import mode: " + mode);
        }
    }

    private static Map<String, String> yamlFiles(HttpServletRequest request) throws IOException, ServletException {
        Map<String, String> files = new LinkedHashMap<>();
        String type = request.getContentType();
        if (type != null && type.startsWith("multipart/form-data")) {
            for (Part part : request.getParts()) {
                String name = part.getSubmittedFileName();
                if ("files".equals(part.getName()) && name != null && part.getSize() > 0) {
                    if (!name.endsWith(".yaml") && !name.endsWith(".yml") && !name.endsWith(".xml")) {
                        throw AuthoringException.invalid("Seuls les fichiers d'export .yaml ou .xml sont acceptés : " + name,
                                "Only .yaml or .xml export files are accepted: " + name);
                    }
                    try (InputStream in = part.getInputStream()) {
                        files.put(name.replaceAll(".*[/\\\\]", ""), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        if (files.isEmpty()) {
            throw AuthoringException.invalid("Choisissez au moins un fichier .yaml.", "Choose at least one .yaml file.");
        }
        return files;
    }
}
