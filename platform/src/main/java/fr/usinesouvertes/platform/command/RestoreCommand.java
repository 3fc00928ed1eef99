package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.maintenance.Backups;
import fr.usinesouvertes.platform.repository.DataFolderLock;
import fr.usinesouvertes.platform.repository.RevisionGcReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code restore --from BACKUP --data DIR [--replace]}: a backup into the data folder of a stopped platform. */
@Command(name = "restore", description = {"Restores a backup (see backup) into the data folder of a stopped platform: "
        + "its repository and secrets; the search indexes are rebuilt at the next start."})
final class RestoreCommand implements Callable<Integer>, DataFolderInUseHint {

    @Mixin
    DataFolderOptions dataFolder;

    @Option(names = "--from", required = true, paramLabel = "BACKUP", description = "Folder written by backup")
    Path from;

    @Option(names = "--replace", description = "Move the folder's existing repository aside "
            + "(repository.before-restore-<time>) instead of refusing")
    boolean replace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = dataFolder.segmentStoreSettings(err,
                "restore it with pg_restore or point-in-time recovery (docs/storage.md)");
        if (settings == null) {
            return PlatformCommandLine.FAILED;
        }
        Path data = settings.get(CoreSettings.DATA);
        long started = System.nanoTime();
        long bytes;
        try (DataFolderLock lock = DataFolderLock.acquire(data)) {
            bytes = Backups.restore(from, data, replace, DataFolderOptions.progress(out));
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return PlatformCommandLine.FAILED;
        }
        out.println("Restored " + from + " into " + data + " (" + RevisionGcReport.megabytes(bytes) + ") in "
                + String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9) + "; start the platform on it");
        return PlatformCommandLine.DONE;
    }

    @Override
    public String whenDataFolderInUse() {
        return "stop the platform before restoring into its data folder";
    }
}
