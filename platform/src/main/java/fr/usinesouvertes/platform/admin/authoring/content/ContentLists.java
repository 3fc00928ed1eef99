package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringContext;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchIndex;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The index of the content apps' lists, current whenever a list is shown: brought up to date on the request's thread
 * when the app's workspace has changed since the last list (an editor sees the item they have just saved), and
 * rebuilt when the apps themselves change (a light module reloaded).
 */
final class ContentLists {

    private final SearchIndex index;
    private final ContentRepository repository;
    private final Supplier<DefinitionRegistry> definitions;
    private final Map<String, Long> changesSeen = new ConcurrentHashMap<>();
    private volatile String apps;

    private ContentLists(SearchIndex index, ContentRepository repository, Supplier<DefinitionRegistry> definitions) {
        this.index = index;
        this.repository = repository;
        this.definitions = definitions;
        this.apps = ContentListIndex.signature(definitions.get());
    }

    static ContentLists open(AuthoringContext context) {
        if (context.searchIndexes() == null || context.searchIndexes().get() == null) {
            throw new IllegalStateException("The content apps need the platform's search indexes");
        }
        SearchIndex index = context.searchIndexes().get().open(ContentListIndex.NAME,
                new ContentListIndex(context.definitions(), context.zone()));
        return new ContentLists(index, context.repository(), context.definitions());
    }

    /** The index, reflecting at least every change made to {@code app}'s workspace before this call. */
    SearchIndex current(ContentApp app) {
        String now = ContentListIndex.signature(definitions.get());
        if (!now.equals(apps)) {
            synchronized (this) {
                if (!now.equals(apps)) {
                    index.rebuild();
                    changesSeen.clear();
                    apps = now;
                }
            }
        }
        long changes = repository.changeCount(app.workspace());
        Long seen = changesSeen.put(app.workspace(), changes);
        if (seen == null || seen != changes) {
            index.catchUpNow();
        }
        return index;
    }
}
