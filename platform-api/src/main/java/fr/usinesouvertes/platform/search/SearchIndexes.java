package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The platform's search indexes, one folder each under {@code DATA/search-index/}, closed with the platform. */
public final class SearchIndexes implements AutoCloseable {

    static final String FOLDER = "search-index";
    private static final long DEBOUNCE_MILLIS = 300;

    private final ContentRepository repository;
    private final Path root;
    private final Clock clock;
    private final Map<String, SearchIndex> indexes = new LinkedHashMap<>();

    public SearchIndexes(ContentRepository repository, Settings settings, Clock clock) {
        this.repository = repository;
        this.root = settings.get(CoreSettings.DATA).resolve(FOLDER);
        this.clock = clock;
    }

    /** Opens (and starts feeding) the index {@code name}; a name is a lowercase folder name, used once. */
    public synchronized SearchIndex open(String name, SearchDocumentSource source) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("Search index name '" + name + "' must be lowercase letters, digits or '-'");
        }
        if (indexes.containsKey(name)) {
            throw new IllegalStateException("Search index '" + name + "' is opened twice");
        }
        SearchIndex index = new SearchIndex(new SearchIndex.Options(name, root.resolve(name), DEBOUNCE_MILLIS, clock),
                repository, source);
        indexes.put(name, index);
        return index;
    }

    public synchronized List<SearchIndex> all() {
        return List.copyOf(indexes.values());
    }

    @Override
    public synchronized void close() {
        List<SearchIndex> open = new ArrayList<>(indexes.values());
        indexes.clear();
        open.forEach(SearchIndex::close);
    }
}
