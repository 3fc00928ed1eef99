package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.module.AdminViews;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.PublishingActions;
import fr.usinesouvertes.platform.publishing.ContentVersion;
import fr.usinesouvertes.platform.publishing.VersionDifference;
import fr.usinesouvertes.platform.rendering.SiteRoot;
import fr.usinesouvertes.platform.security.CurrentAccount;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** The model of a page's screen in the pages app, and of the comparison of two of its versions. */
final class PageScreen {

    private final AuthoringContext context;
    private final PageOperations pages;
    private final PageComponents components;
    private final PublishingActions publishing;

    PageScreen(AuthoringContext context, PageOperations pages, PageComponents components, PublishingActions publishing) {
        this.context = context;
        this.pages = pages;
        this.components = components;
        this.publishing = publishing;
    }

    Map<String, Object> model(HttpServletRequest request, String path) {
        String lang = AdminViews.lang(request);
        Map<String, Object> model = context.repository().readAs(CurrentAccount.require(request).login(), session -> {
            Node page = PageOperations.existingPage(session, path);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("nodePath", path);
            data.put("name", page.getName());
            data.put("title", PageTree.title(page));
            String templateId = PageTree.template(page);
            data.put("template", context.definitions().get().template(templateId)
                    .map(t -> t.title() == null ? templateId : t.title()).orElse(templateId));
            data.put("hasDialog", context.definitions().get().template(templateId).map(t -> t.dialog() != null).orElse(false));
            data.put("childTemplates", pages.templatesFor(session, path).stream()
                    .map(t -> Map.of("id", t.id(), "title", t.title() == null ? t.id() : t.title())).toList());
            data.put("parents", parents(session, path));
            data.put("areas", areas(session, path));
            data.put("previewable", SiteRoot.sitePath(session, path, context.definitions().get()) != null);
            data.put("siteRoot", SiteRoot.isSiteRoot(page, context.definitions().get()));
            return data;
        });
        model.put("badge", publishing.badge("website", path, lang));
        model.put("publishing", publishing.enabled("website"));
        model.put("scheduled", publishing.scheduled("website", path));
        model.put("review", publishing.review(CurrentAccount.require(request), "website", path));
        List<Map<String, Object>> versions = new ArrayList<>();
        if (publishing.enabled("website")) {
            for (ContentVersion version : context.publishing().versions("website", path)) {
                versions.add(Map.of("number", version.number(), "by", version.by() == null ? "" : version.by(),
                        "at", version.at().atZone(context.zone())
                                .toLocalDateTime().toString().replace('T', ' '),
                        "comment", version.comment() == null ? "" : version.comment()));
            }
        }
        model.put("versions", versions);
        return model;
    }

    Map<String, Object> compare(HttpServletRequest request) {
        String path = request.getParameter("path");
        if (!publishing.enabled("website") || path == null) {
            throw AuthoringException.notFound("Versions indisponibles.", "No versions.");
        }
        context.repository().readAs(CurrentAccount.require(request).login(), session -> PageOperations.existingPage(session, path));
        int a = number(request.getParameter("a"));
        int b = number(request.getParameter("b"));
        List<Map<String, Object>> differences = new ArrayList<>();
        for (VersionDifference difference : context.publishing().compare("website", path, a, b)) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("path", difference.path());
            row.put("property", difference.property() == null ? "" : difference.property());
            row.put("before", difference.before() == null ? "" : difference.before());
            row.put("after", difference.after() == null ? "" : difference.after());
            row.put("change", difference.change().name().toLowerCase(java.util.Locale.ROOT));
            differences.add(row);
        }
        return Map.of("nodePath", path, "a", a, "b", b, "differences", differences);
    }

    private List<Map<String, Object>> areas(Session session, String path) throws RepositoryException {
        List<Map<String, Object>> areas = new ArrayList<>();
        for (PageComponents.Area area : components.areas(session, path)) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (PageComponents.Component component : area.components()) {
                list.add(Map.of("path", component.path(), "name", component.name(), "template", component.templateTitle(),
                        "summary", component.summary(), "hasDialog", component.hasDialog()));
            }
            areas.add(Map.of("name", area.name(), "title", area.title(), "full", area.full(), "components", list,
                    "available", area.available().stream()
                            .map(t -> Map.of("id", t.id(), "title", t.title() == null ? t.id() : t.title())).toList()));
        }
        return areas;
    }

    /** Pages the page may move under ({@code /} first), never itself or its own sub-pages. */
    private static List<Map<String, Object>> parents(Session session, String path) throws RepositoryException {
        List<Map<String, Object>> parents = new ArrayList<>();
        parents.add(Map.of("path", "/", "label", "/"));
        collect(session.getNode("/website"), path, 0, parents);
        return parents;
    }

    private static void collect(Node parent, String excluded, int depth, List<Map<String, Object>> parents)
            throws RepositoryException {
        for (NodeIterator nodes = parent.getNodes(); nodes.hasNext() && parents.size() < 1_000; ) {
            Node page = nodes.nextNode();
            String path = page.getPath().substring("/website".length());
            if (!page.isNodeType("mgnl:page") || path.equals(excluded) || path.startsWith(excluded + "/")) {
                continue;
            }
            parents.add(Map.of("path", path, "label", "\u00a0\u00a0".repeat(depth) + PageTree.title(page) + " (" + path + ")"));
            collect(page, excluded, depth + 1, parents);
        }
    }

    private static int number(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException | NullPointerException e) {
            throw AuthoringException.invalid("Numéro de version invalide.", "Invalid version number.");
        }
    }
}
