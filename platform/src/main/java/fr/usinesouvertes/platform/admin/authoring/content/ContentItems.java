package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.admin.authoring.shared.NodeNames;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldDocs;
import org.jsoup.Jsoup;

/**
 * The items of a content app: listed with a text search, sorted by a column and paged (through
 * {@link ContentListIndex}); found by name for editing; created with a free name. Items are the nodes of the type's node type anywhere below the
 * workspace root (folders are walked through).
 */
public final class ContentItems {

    private ContentItems() {
    }

    /** One listed item: its path inside the workspace, name and the text of each listed column. */
    public record Item(String path, String name, Map<String, String> columns) {
    }

    /** A page of items and the total that matched. */
    public record ItemPage(List<Item> items, int total, int offset, int limit) {
    }

    /**
     * Items of {@code app} whose words start with those of {@code query} (case- and accent-insensitive, in the name
     * and any string property), sorted by {@code sort} (a column, or {@code @name}) then by name, one page: searched
     * and sorted in {@code index} (see {@link ContentListIndex}), the rows read with {@code session}. An item the index
     * still lists but the session cannot see (just deleted, or not readable) is left out of the page.
     */
    public static ItemPage list(SearchIndex index, Session session, ContentApp app, List<String> columns, String query,
                                String sort, boolean descending, int offset, int limit, java.time.ZoneId zone)
            throws RepositoryException {
        BooleanQuery.Builder builder = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(ContentListIndex.APP, app.name())), BooleanClause.Occur.FILTER);
        for (String word : ContentListIndex.words(query == null ? "" : query)) {
            builder.add(new PrefixQuery(new Term(ContentListIndex.WORD, word)), BooleanClause.Occur.FILTER);
        }
        Query matching = builder.build();
        String column = sort == null || !columns.contains(sort) ? ContentListIndex.NAME_SORT : sort;
        Sort order = new Sort(new SortField(ContentListIndex.sortField(column), SortField.Type.STRING, descending),
                new SortField(ContentListIndex.sortField(ContentListIndex.NAME_SORT), SortField.Type.STRING, descending));
        int size = Math.max(1, limit);
        int[] total = new int[1];
        int[] from = new int[1];
        List<String> paths = index.search(searcher -> {
            total[0] = searcher.count(matching);
            from[0] = Math.min(Math.max(0, offset), total[0]);
            List<String> found = new ArrayList<>();
            if (from[0] < total[0]) {
                TopFieldDocs top = searcher.search(matching, from[0] + size, order);
                for (int i = from[0]; i < top.scoreDocs.length; i++) {
                    found.add(searcher.storedFields().document(top.scoreDocs[i].doc).get(ContentListIndex.ID));
                }
            }
            return found;
        });
        List<Item> items = new ArrayList<>();
        for (String path : paths) {
            if (session.nodeExists(path)) {
                Node node = session.getNode(path);
                java.util.LinkedHashMap<String, String> values = new java.util.LinkedHashMap<>();
                for (String name : columns) {
                    values.put(name, text(node, name, zone));
                }
                items.add(new Item(path.substring(app.workspace().length() + 1), node.getName(), values));
            }
        }
        return new ItemPage(List.copyOf(items), total[0], from[0], limit);
    }

    /** Whether {@code node} is an item of {@code app}: of its node type, and not a folder (which is looked into). */
    static boolean isItem(Node node, ContentApp app) throws RepositoryException {
        // mgnl:folder is itself a kind of mgnl:content (year folders of sheets)
        boolean folder = node.isNodeType("mgnl:folder") && !app.nodeType().equals("mgnl:folder");
        return !folder && node.isNodeType(app.nodeType());
    }

    /** The item at {@code path} (inside the app's workspace). */
    public static Node item(Session session, ContentApp app, String path) throws RepositoryException {
        String jcrPath = "/" + app.workspace() + path;
        if (path == null || !path.startsWith("/") || path.contains("..") || path.contains("[")
                || !session.nodeExists(jcrPath) || !isItem(session.getNode(jcrPath), app)) {
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
            text = plainText(property.getString());
        }
        return text.length() > 120 ? text.substring(0, 119) + "…" : text;
    }

    /** The text of a value that may be HTML (rich text). */
    static String plainText(String value) {
        return value.contains("<") ? Jsoup.parse(value).text() : value;
    }

    /** The JCR path under which the app's items live. */
    static String root(ContentApp app) {
        String rootPath = app.type().rootPath();
        return "/" + app.workspace() + (rootPath == null || rootPath.equals("/") ? "" : rootPath);
    }

    static String fold(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
