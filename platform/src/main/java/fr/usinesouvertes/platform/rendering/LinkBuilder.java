package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;

/**
 * Public URLs of nodes, as clean extension-less paths ({@code /a/b}; {@code /a/b.html} is accepted too):
 * a page below the site root at its path without the root's name, prefixed with {@code /en} in English;
 * a content-type item at its detail page ({@code /<detail page>/<item name>}) when a page's template
 * declares {@code parameters.detailWorkspace} for its workspace, else at its Delivery API path; an
 * asset at its {@code /dam/} link.
 */
final class LinkBuilder {

    private final RenderContext context;

    LinkBuilder(RenderContext context) {
        this.context = context;
    }

    String link(Node node) {
        if (node == null) {
            return null;
        }
        try {
            String workspace = context.workspaces().workspaceOf(node.getPath());
            return switch (workspace) {
                case "website" -> pageLink(NodeTypes.page(node) != null ? NodeTypes.page(node) : node);
                case "dam" -> AssetLinks.link(node);
                default -> itemLink(node, workspace);
            };
        } catch (RepositoryException e) {
            return null;
        }
    }

    String pageLink(Node page) throws RepositoryException {
        return pageLink(page, context.language());
    }

    /** The page's URL in a language: the site's default language without prefix, any other under {@code /<language>}. */
    String pageLink(Node page, String language) throws RepositoryException {
        String prefix = context.languages().prefix(language);
        Optional<Node> root = context.siteRoot();
        String path = page.getPath();
        if (root.isPresent()) {
            String rootPath = root.get().getPath();
            if (path.equals(rootPath)) {
                return prefix.isEmpty() ? "/" : prefix;
            }
            if (path.startsWith(rootPath + "/")) {
                return prefix + encodePath(path.substring(rootPath.length()));
            }
        }
        return prefix + encodePath(context.workspaces().toWorkspacePath(path));
    }

    private String itemLink(Node item, String workspace) throws RepositoryException {
        Optional<Node> detailPage = detailPage(workspace);
        if (detailPage.isPresent()) {
            return pageLink(detailPage.get()) + "/" + encodeSegment(item.getName());
        }
        String itemPath = context.workspaces().toWorkspacePath(item.getPath());
        for (DeliveryEndpointDefinition endpoint : context.registry().endpoints()) {
            String root = endpoint.rootPath() == null || endpoint.rootPath().equals("/") ? "" : endpoint.rootPath();
            if (workspace.equals(endpoint.workspace()) && (root.isEmpty() || itemPath.startsWith(root + "/"))) {
                return "/.rest/" + endpoint.endpointPath() + encodePath(itemPath.substring(root.length()));
            }
        }
        return encodePath(itemPath);
    }

    /** The first page (document order) whose template shows items of {@code workspace} as details. */
    Optional<Node> detailPage(String workspace) {
        return context.detailPages().computeIfAbsent(workspace, ws -> {
            try {
                Optional<Node> root = context.siteRoot();
                return root.isEmpty() ? Optional.empty() : Optional.ofNullable(findDetailPage(root.get(), ws));
            } catch (RepositoryException e) {
                return Optional.empty();
            }
        });
    }

    private Node findDetailPage(Node page, String workspace) throws RepositoryException {
        if (workspace.equals(detailWorkspace(page))) {
            return page;
        }
        for (NodeIterator it = page.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (child.isNodeType(NodeTypes.PAGE)) {
                Node found = findDetailPage(child, workspace);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The {@code parameters.detailWorkspace} of a page's template, or null. */
    String detailWorkspace(Node page) {
        return parameter(page, "detailWorkspace");
    }

    String parameter(Node page, String name) {
        String templateId = NodeTypes.template(page);
        if (templateId == null) {
            return null;
        }
        Object value = context.registry().template(templateId).map(TemplateDefinition::parameters)
                .map(parameters -> parameters.get(name)).orElse(null);
        return value == null ? null : value.toString();
    }

    static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                encoded.append('/').append(encodeSegment(segment));
            }
        }
        return encoded.isEmpty() ? "/" : encoded.toString();
    }

    static String encodeSegment(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
