package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchStatus;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code search rebuild}: the node-local search indexes. */
@Command(name = "search", description = "The node-local search indexes.", subcommands = SearchCommand.Rebuild.class)
final class SearchCommand {

    /**
     * Starts the platform on the data folder (stopped server, port 0), rebuilds every search index from the
     * repository while printing its progress, and stops; exit status 0 when every index rebuilt without error.
     */
    @Command(name = "rebuild", description = {"Rebuilds the node-local search indexes (DATA/search-index) from the "
            + "repository of a stopped platform, printing the progress."})
    static final class Rebuild implements Callable<Integer>, StartsPlatform {

        private static final long PROGRESS_MILLIS = 1000;

        @Spec
        CommandSpec spec;

        private SettingOptions settings;

        @Override
        public void settingOptions(SettingOptions options) {
            this.settings = options;
        }

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            int failures = 0;
            try (Platform platform = settings.start(Map.of("port", "0", "host", "127.0.0.1"))) {
                for (SearchIndex index : platform.searchIndexes().all()) {
                    SearchStatus status = rebuildShowingProgress(index, out);
                    out.printf("%s: %d documents indexed in %d ms%s%n", index.name(), status.done(),
                            status.lastRebuildMillis(), status.lastError() == null ? "" : " — FAILED: " + status.lastError());
                    failures += status.lastError() == null ? 0 : 1;
                }
            }
            return failures == 0 ? PlatformCommandLine.DONE : PlatformCommandLine.FAILED;
        }

        private static SearchStatus rebuildShowingProgress(SearchIndex index, PrintWriter out) throws InterruptedException {
            SearchStatus[] finished = new SearchStatus[1];
            Thread worker = new Thread(() -> finished[0] = index.rebuild(), "search-rebuild-" + index.name());
            worker.start();
            while (worker.isAlive()) {
                worker.join(PROGRESS_MILLIS);
                SearchStatus status = index.status();
                if (worker.isAlive() && status.total() > 0) {
                    out.printf("%s: %d/%d%n", index.name(), status.done(), status.total());
                    out.flush();
                }
            }
            return finished[0];
        }
    }
}
