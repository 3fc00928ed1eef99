package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchStatus;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code search rebuild [settings…]}: starts the platform on the data folder (stopped server, port 0),
 * rebuilds every search index from the repository while printing its progress, and stops.
 */
public final class SearchRebuildCommand {

    private static final long PROGRESS_MILLIS = 1000;

    private final PrintStream out;

    public SearchRebuildCommand(PrintStream out) {
        this.out = out;
    }

    public static boolean handles(String[] args) {
        return args.length > 1 && args[0].equals("search") && args[1].equals("rebuild");
    }

    public static String usage() {
        return """
                  java -jar usines-ouvertes.jar search rebuild [--data DIR] [--config FILE] [other settings]
                Rebuilds the node-local search indexes (DATA/search-index) from the repository of a stopped platform.
                """;
    }

    /** Runs the rebuild; returns the process status (0 when every index rebuilt without error). */
    public int run(String[] args) throws Exception {
        List<String> settings = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        settings.add("--port");
        settings.add("0");
        settings.add("--host");
        settings.add("127.0.0.1");
        int failures = 0;
        try (Platform platform = PlatformLauncher.launch(settings.toArray(String[]::new))) {
            for (SearchIndex index : platform.searchIndexes().all()) {
                SearchStatus status = rebuildShowingProgress(index);
                out.printf("%s: %d documents indexed in %d ms%s%n", index.name(), status.done(),
                        status.lastRebuildMillis(), status.lastError() == null ? "" : " — FAILED: " + status.lastError());
                failures += status.lastError() == null ? 0 : 1;
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private SearchStatus rebuildShowingProgress(SearchIndex index) throws InterruptedException {
        SearchStatus[] finished = new SearchStatus[1];
        Thread worker = new Thread(() -> finished[0] = index.rebuild(), "search-rebuild-" + index.name());
        worker.start();
        while (worker.isAlive()) {
            worker.join(PROGRESS_MILLIS);
            SearchStatus status = index.status();
            if (worker.isAlive() && status.total() > 0) {
                out.printf("%s: %d/%d%n", index.name(), status.done(), status.total());
            }
        }
        return finished[0];
    }
}
