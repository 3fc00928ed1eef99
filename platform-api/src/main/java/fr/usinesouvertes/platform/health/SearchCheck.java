package fr.usinesouvertes.platform.health;

import fr.usinesouvertes.platform.search.SearchIndexes;
import fr.usinesouvertes.platform.search.SearchStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Every search index is current (built, or caught up from its last commit, since start) and its last rebuild
 * succeeded. A rebuild after a change does not make the node unready: searchers keep the previous index until the new
 * one is complete.
 */
final class SearchCheck implements Supplier<Readiness.Status> {

    private final SearchIndexes indexes;

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
        if (!notReady.isEmpty()) {
            return Readiness.Status.down(String.join("; ", notReady));
        }
        return Readiness.Status.up(statuses.isEmpty() ? "no search index"
                : statuses.size() + " index(es) ready, " + statuses.stream().mapToLong(SearchStatus::documents).sum()
                        + " documents");
    }
}
