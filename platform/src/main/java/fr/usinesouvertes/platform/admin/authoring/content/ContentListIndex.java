package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.search.SearchDocumentSource;
import java.text.Collator;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.util.BytesRef;

/**
 * The items of every content app in one search index, so that a list of 20,000 items is searched, sorted and paged
 * by Lucene rather than by reading every item: per item, the apps that list it, the words of its name and string
 * properties (folded, for prefix searches), and a French collation key per property for sorting. The index follows
 * the repository (see {@code SearchIndex}); the rows shown are read from the repository.
 */
final class ContentListIndex implements SearchDocumentSource {

    static final String NAME = "content-apps";
    static final String ID = "id";
    static final String APP = "app";
    static final String WORD = "word";
    static final String NAME_SORT = "@name";
    private static final String SORT_PREFIX = "sort.";
    /** Collation keys longer than this are cut: a sort key, not the text. */
    private static final int MAX_SORT_CHARS = 200;

    private final Supplier<DefinitionRegistry> definitions;
    private final ZoneId zone;
    private volatile Workspaces appWorkspaces;

    ContentListIndex(Supplier<DefinitionRegistry> definitions, ZoneId zone) {
        this.definitions = definitions;
        this.zone = zone;
    }

    /** The doc-values field that sorts by {@code column} ({@value #NAME_SORT} for the item's name). */
    static String sortField(String column) {
        return SORT_PREFIX + column;
    }

    /** Describes the apps the index was built for: when it changes, the index is rebuilt. */
    static String signature(DefinitionRegistry registry) {
        StringBuilder signature = new StringBuilder();
        for (ContentApp app : ContentApp.all(registry)) {
            signature.append(app.name()).append('|').append(app.workspace()).append('|').append(app.nodeType())
                    .append('|').append(app.type().rootPath()).append('\n');
        }
        return signature.toString();
    }

    @Override
    public void readAll(Session session, Consumer<Document> sink) throws RepositoryException {
        List<ContentApp> apps = ContentApp.all(definitions.get());
        Set<String> workspaces = new LinkedHashSet<>();
        apps.forEach(app -> workspaces.add(app.workspace()));
        for (String workspace : workspaces) {
            if (session.nodeExists("/" + workspace)) {
                walk(session.getNode("/" + workspace), apps, sink);
            }
        }
    }

    private void walk(Node parent, List<ContentApp> apps, Consumer<Document> sink) throws RepositoryException {
        for (NodeIterator nodes = parent.getNodes(); nodes.hasNext(); ) {
            Node node = nodes.nextNode();
            Optional<Document> document = document(node, apps);
            if (document.isPresent()) {
                sink.accept(document.get());
            } else if (node.isNodeType("mgnl:folder")) {
                walk(node, apps, sink);
            }
        }
    }

    @Override
    public boolean concerns(String path) {
        String workspace = path.length() > 1 ? path.substring(1).split("/", 2)[0] : "";
        return workspaces().contains(workspace);
    }

    /**
     * The content apps' workspaces, worked out once per definitions snapshot: {@link #concerns} runs for every path
     * of every change the repository announces.
     */
    private Set<String> workspaces() {
        DefinitionRegistry registry = definitions.get();
        Workspaces known = appWorkspaces;
        if (known == null || known.registry() != registry) {
            Set<String> names = new LinkedHashSet<>();
            ContentApp.all(registry).forEach(app -> names.add(app.workspace()));
            known = new Workspaces(registry, Set.copyOf(names));
            appWorkspaces = known;
        }
        return known.names();
    }

    /** The workspaces of the apps of one definitions snapshot. */
    private record Workspaces(DefinitionRegistry registry, Set<String> names) {
    }

    @Override
    public String idField() {
        return ID;
    }

    /** The item a change is in is the changed node or one of its ancestors: each is a candidate. */
    @Override
    public Set<String> affectedIds(Session session, String path) {
        Set<String> candidates = new LinkedHashSet<>();
        String[] parts = path.split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 1; i < parts.length; i++) {
            prefix.append('/').append(parts[i]);
            if (i >= 2) { // below the workspace's root node
                candidates.add(prefix.toString());
            }
        }
        return candidates;
    }

    @Override
    public Optional<Document> read(Session session, String id) throws RepositoryException {
        if (!session.nodeExists(id)) {
            return Optional.empty();
        }
        return document(session.getNode(id), ContentApp.all(definitions.get()));
    }

    /** The document of {@code node} when it is an item of at least one app. */
    private Optional<Document> document(Node node, List<ContentApp> apps) throws RepositoryException {
        String path = node.getPath();
        List<String> listedBy = new ArrayList<>();
        for (ContentApp app : apps) {
            if (ContentItems.isItem(node, app) && path.startsWith(ContentItems.root(app) + "/")) {
                listedBy.add(app.name());
            }
        }
        if (listedBy.isEmpty()) {
            return Optional.empty();
        }
        Document document = new Document();
        document.add(new StringField(ID, path, Field.Store.YES));
        listedBy.forEach(app -> document.add(new StringField(APP, app, Field.Store.NO)));
        Set<String> words = new LinkedHashSet<>(words(node.getName()));
        document.add(new SortedDocValuesField(sortField(NAME_SORT), sortKey(node.getName())));
        for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            if (property.getName().contains(":") || property.isMultiple()) {
                continue;
            }
            String text = ContentItems.text(node, property.getName(), zone);
            document.add(new SortedDocValuesField(sortField(property.getName()), sortKey(text)));
            if (property.getType() == PropertyType.STRING) {
                words.addAll(words(text.length() >= 119 ? ContentItems.plainText(property.getString()) : text));
            }
        }
        words.forEach(word -> document.add(new StringField(WORD, word, Field.Store.NO)));
        return Optional.of(document);
    }

    /** The words of a text as searched: lowercase, without accents, split at anything but letters and digits. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : ContentItems.fold(text).split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** French order (accents and case second), as the list has always sorted. */
    private static BytesRef sortKey(String text) {
        Collator collator = Collator.getInstance(Locale.FRENCH); // not thread-safe: one per call
        String cut = text.length() > MAX_SORT_CHARS ? text.substring(0, MAX_SORT_CHARS) : text;
        return new BytesRef(collator.getCollationKey(cut).toByteArray());
    }
}
