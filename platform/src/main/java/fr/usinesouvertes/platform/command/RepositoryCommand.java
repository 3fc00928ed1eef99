package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.ClusterSettings;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.RevisionGcReport;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackend;
import fr.usinesouvertes.platform.repository.StoreBackends;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code repository gc}: the repository's storage. */
@Command(name = "repository", description = "The repository's storage.", subcommands = RepositoryCommand.Gc.class)
final class RepositoryCommand {

    /**
     * The revision garbage collection of a stopped platform's repository, with Oak's offline options (only the current
     * generation is kept, so one run reclaims all that is unreachable); with the document store, Oak's version and
     * journal collections on PostgreSQL, next to running nodes.
     */
    @Command(name = "gc", description = {"Collects the repository's old revisions (changed and deleted content) on a "
            + "stopped platform's data folder, printing the progress, the size before and after and the duration. "
            + "With store: document, runs Oak's version and journal garbage collection on PostgreSQL instead."})
    static final class Gc implements Callable<Integer>, DataFolderInUseHint {

        @Mixin
        DataFolderOptions dataFolder;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Settings settings = dataFolder.settings();
            PrintWriter out = spec.commandLine().getOut();
            Consumer<String> progress = DataFolderOptions.progress(out);
            RevisionGcReport report;
            if (settings.get(ClusterSettings.STORE) == ClusterSettings.Store.SEGMENT) {
                Path data = settings.get(CoreSettings.DATA);
                if (!Files.isDirectory(data.resolve("repository"))) {
                    spec.commandLine().getErr().println("No repository in " + data.toAbsolutePath());
                    return PlatformCommandLine.FAILED;
                }
                try (SegmentStoreBackend backend = SegmentStoreBackend.forOfflineCollection(data)) {
                    report = backend.collectRevisions(progress);
                }
            } else {
                try (StoreBackend backend = StoreBackends.fromSettings(settings)) {
                    report = backend.collectRevisions(progress);
                }
            }
            if (!report.completed()) {
                spec.commandLine().getErr().println(report.summary());
                return PlatformCommandLine.FAILED;
            }
            out.println(report.summary());
            return PlatformCommandLine.DONE;
        }

        @Override
        public String whenDataFolderInUse() {
            return "stop the platform first; while it runs, it collects nightly (revision-gc-at) and from the back "
                    + "office's Storage page";
        }
    }
}
