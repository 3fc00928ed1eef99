package fr.usinesouvertes.platform.health;

import fr.usinesouvertes.platform.search.SearchIndexes;
import fr.usinesouvertes.platform.search.SearchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every search index is current (built, or caught up from its last commit, since start) and its last rebuild
 * succeeded. Once they all were, a rebuild or the first build of an index opened later (the back office's
 * {@code content-apps}, on first use) does not make the node unready: searchers keep the previous index until the new
 * one is complete, and the node's pages and APIs serve meanwhile; it is said in the check's detail.
 */
final class SearchCheck implements Supplier<Readiness.Status> {

    private final SearchIndexes indexes;
    /** Whether every index was current once: after that, building ones are reported without making the node unready. */
    private volatile boolean wasReady;

    SearchCheck(SearchIndexes indexes) {
        this.indexes = indexes;
    }

    @Override
    public Readiness.Status get() {
        List<String> notReady = new ArrayList<>();
        List<SearchStatus> statuses = indexes.all().stream().map(index -> index.status()).toList();
        for (SearchStatus status : statuses) {
            if (!status.current()) {
                notReady.add("'" + status.index() + "' " + (status.rebuilding() ? "being built (" + status.done() + " of "
                        + status.total() + ")" : "catching up with the repository"));
            } else if (status.lastError() != null) {
                notReady.add("'" + status.index() + "': the last rebuild failed (see the log)");
            }
        }
        boolean failed = statuses.stream().anyMatch(status -> status.current() && status.lastError() != null);
        if (!notReady.isEmpty() && (!wasReady || failed)) {
            return Readiness.Status.down(String.join("; ", notReady));
        }
        wasReady = true;
        String ready = statuses.isEmpty() ? "no search index"
                : statuses.size() + " index(es) ready, " + statuses.stream().mapToLong(SearchStatus::documents).sum()
                        + " documents";
        return Readiness.Status.up(notReady.isEmpty() ? ready : ready + "; " + String.join("; ", notReady));
    }
}
