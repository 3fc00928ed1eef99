package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.maintenance.Backups;
import fr.usinesouvertes.platform.maintenance.ControlChannel;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code backup --data DIR --to BACKUP}: a consistent copy of a segment-store data folder, running or stopped. A
 * running platform holds the folder's lock and its store's files change under any reader (new tar files, cleanups), so
 * the command then asks that platform, through its local control channel, to write the backup itself with Oak's online
 * backup; a stopped folder is opened and backed up the same way by the command.
 */
@Command(name = "backup", description = {"Backs up a data folder's repository (and its generated secrets) into a new "
        + "folder, while the platform runs (it writes the backup, asked through DATA/control/) or stopped. "
        + "With store: document the repository is PostgreSQL's: back it up with pg_dump or continuous archiving."})
final class BackupCommand implements Callable<Integer> {

    @Mixin
    DataFolderOptions dataFolder;

    @Option(names = "--to", required = true, paramLabel = "BACKUP", description = "New or empty folder to write")
    Path to;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Settings settings = dataFolder.segmentStoreSettings(err, "back it up with pg_dump or continuous archiving "
                + "(docs/storage.md); a node's data folder holds nothing else to keep");
        if (settings == null) {
            return PlatformCommandLine.FAILED;
        }
        Path data = settings.get(CoreSettings.DATA);
        Path target = to.toAbsolutePath();
        try {
            Backups.checkTarget(target);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return PlatformCommandLine.FAILED;
        }
        if (!Files.isDirectory(data.resolve("repository"))) {
            err.println("No repository in " + data.toAbsolutePath());
            return PlatformCommandLine.FAILED;
        }
        Consumer<String> progress = DataFolderOptions.progress(out);
        SegmentStoreBackend store;
        try {
            store = new SegmentStoreBackend(data);
        } catch (RepositoryLockedException running) {
            return throughRunningPlatform(data, target, progress, running);
        }
        try (store) {
            out.println(Backups.backup(store, data, target, progress).summary());
            return PlatformCommandLine.DONE;
        }
    }

    private int throughRunningPlatform(Path data, Path target, Consumer<String> progress, RepositoryLockedException running) {
        if (!Files.exists(ControlChannel.socket(data))) {
            throw running; // a platform without a control channel: exit 3, stop it first
        }
        progress.accept("The platform running on " + data.toAbsolutePath() + " writes the backup");
        try {
            String answer = ControlChannel.requestBackup(data, target, progress);
            if (answer.startsWith(ControlChannel.OK)) {
                spec.commandLine().getOut().println(answer.substring(ControlChannel.OK.length()));
                return PlatformCommandLine.DONE;
            }
            spec.commandLine().getErr().println("Backup failed: " + answer.substring(ControlChannel.FAILED.length()));
            return PlatformCommandLine.FAILED;
        } catch (IOException e) {
            spec.commandLine().getErr().println("Cannot reach the running platform through "
                    + ControlChannel.socket(data) + ": " + e.getMessage());
            return PlatformCommandLine.FAILED;
        }
    }
}
