package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.NodeNames;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.jsoup.Jsoup;

/**
 * The items of a content app: listed with a text search, sorted by a column and paged; found by name
 * for editing; created with a free name. Items are the nodes of the type's node type anywhere below the
 * workspace root (folders are walked through).
 */
public final class ContentItems {

    private static final Collator FRENCH = Collator.getInstance(Locale.FRENCH);

    private ContentItems() {
    }

    /** One listed item: its path inside the workspace, name and the text of each listed column. */
    public record Item(String path, String name, Map<String, String> columns) {
    }

    /** A page of items and the total that matched. */
    public record ItemPage(List<Item> items, int total, int offset, int limit) {
    }

    /**
     * Items matching {@code query} (case- and accent-insensitive, in any string property), sorted by
     * {@code sort} (a column, or {@code @name}), one page.
     */
    public static ItemPage list(Session session, ContentApp app, List<String> columns, String query, String sort,
                                boolean descending, int offset, int limit, java.time.ZoneId zone) throws RepositoryException {
        List<Item> matching = new ArrayList<>();
        String needle = fold(query == null ? "" : query.trim());
        collect(session.getNode(root(app)), app, columns, needle, matching, zone);
        Comparator<Item> order = Comparator.comparing(
                (Item item) -> sort == null || sort.equals("@name") || !columns.contains(sort) ? item.name()
                        : item.columns().getOrDefault(sort, ""), FRENCH::compare);
        matching.sort(descending ? order.reversed() : order);
        int from = Math.min(Math.max(0, offset), matching.size());
        int to = Math.min(from + Math.max(1, limit), matching.size());
        return new ItemPage(List.copyOf(matching.subList(from, to)), matching.size(), from, limit);
    }

    /** The item at {@code path} (inside the app's workspace). */
    public static Node item(Session session, ContentApp app, String path) throws RepositoryException {
        String jcrPath = "/" + app.workspace() + path;
        if (path == null || !path.startsWith("/") || path.contains("..") || path.contains("[")
                || !session.nodeExists(jcrPath) || !session.getNode(jcrPath).isNodeType(app.nodeType())
                || (session.getNode(jcrPath).isNodeType("mgnl:folder") && !app.nodeType().equals("mgnl:folder"))) {
            throw AuthoringException.notFound("Élément introuvable.", "Item not found.");
        }
        return session.getNode(jcrPath);
    }

    /** Adds an empty item named {@code name} (or a free variant of a slug of {@code title}); returns it. */
    public static Node create(Session session, ContentApp app, String name, String title) throws RepositoryException {
        Node root = session.getNode(root(app));
        String chosen;
        if (name != null && !name.isBlank()) {
            chosen = NodeNames.check(name.trim());
            NodeNames.checkFree(root, chosen);
        } else {
            chosen = NodeNames.free(root, NodeNames.slug(title));
        }
        return root.addNode(chosen, app.nodeType());
    }

    private static void collect(Node parent, ContentApp app, List<String> columns, String needle, List<Item> items,
                                java.time.ZoneId zone)
            throws RepositoryException {
        for (NodeIterator nodes = parent.getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            // a folder is looked into, never listed: mgnl:folder is itself a kind of mgnl:content (year folders of sheets)
            boolean folder = node.isNodeType("mgnl:folder") && !app.nodeType().equals("mgnl:folder");
            if (!folder && node.isNodeType(app.nodeType())) {
                if (needle.isEmpty() || matches(node, needle)) {
                    java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
                    for (String column : columns) {
                        values.put(column, text(node, column, zone));
                    }
                    items.add(new Item(node.getPath().substring(app.workspace().length() + 1), node.getName(), values));
                }
            } else if (folder) {
                collect(node, app, columns, needle, items, zone);
            }
        }
    }

    private static boolean matches(Node node, String needle) throws RepositoryException {
        if (fold(node.getName()).contains(needle)) {
            return true;
        }
        for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            if (property.getType() == PropertyType.STRING && !property.isMultiple()
                    && !property.getName().contains(":") && fold(property.getString()).contains(needle)) {
                return true;
            }
        }
        return false;
    }

    /** The listed text of a property: dates as {@code yyyy-MM-dd HH:mm} in {@code zone}, HTML as text, cut at 120 characters. */
    static String text(Node node, String name, java.time.ZoneId zone) throws RepositoryException {
        if (!node.hasProperty(name)) {
            return "";
        }
        Property property = node.getProperty(name);
        if (property.isMultiple()) {
            return property.getValues().length + " valeur(s)";
        }
        String text;
        if (property.getType() == PropertyType.DATE) {
            text = property.getDate().toInstant().atZone(zone)
                    .toLocalDateTime().toString().replace('T', ' ');
        } else {
            text = property.getString();
            if (text.contains("<")) {
                text = Jsoup.parse(text).text();
            }
        }
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    private static String root(ContentApp app) {
        String rootPath = app.type().rootPath();
        return "/" + app.workspace() + (rootPath == null || rootPath.equals("/") ? "" : rootPath);
    }

    private static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
