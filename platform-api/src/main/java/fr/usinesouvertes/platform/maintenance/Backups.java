package fr.usinesouvertes.platform.maintenance;

import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.repository.RevisionGcReport;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Backups of a segment-store data folder, and their restore. A backup folder holds {@code repository/} (Oak's online
 * backup: a compact copy of the head state, consistent at one instant), {@code secrets/} (the node's generated keys,
 * e.g. the one signing registration links, so links already e-mailed stay valid) and {@code backup.properties}. The
 * search indexes (rebuilt at start), the outbox (copies of sent e-mails) and the lock are not in it.
 */
public final class Backups {

    public static final String PROPERTIES = "backup.properties";
    private static final String REPOSITORY = "repository";
    private static final String SECRETS = "secrets";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private Backups() {
    }

    /** What a backup wrote. */
    public record Report(Path target, long sourceBytes, long backupBytes, Duration duration) {

        public String summary() {
            return "Backup of " + RevisionGcReport.megabytes(sourceBytes) + " written to " + target + " ("
                    + RevisionGcReport.megabytes(backupBytes) + ") in "
                    + String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        }
    }

    /** Refuses a target that exists and is not an empty folder: a backup never overwrites anything. */
    public static void checkTarget(Path target) {
        if (!Files.exists(target)) {
            return;
        }
        try (Stream<Path> entries = Files.list(target)) {
            if (!Files.isDirectory(target) || entries.findAny().isPresent()) {
                throw new IllegalArgumentException("'" + target + "' already exists and is not an empty folder; "
                        + "back up to a new folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Backs up the open store of {@code dataFolder} (its own process's) into {@code target}. */
    public static Report backup(SegmentStoreBackend store, Path dataFolder, Path target, Consumer<String> progress) {
        checkTarget(target);
        long started = System.nanoTime();
        try {
            Files.createDirectories(target);
            Duration repository = store.backup(target.resolve(REPOSITORY), progress);
            progress.accept("Repository copied in " + repository.toMillis() + " ms");
            Path secrets = dataFolder.resolve(SECRETS);
            if (Files.isDirectory(secrets)) {
                copyTree(secrets, target.resolve(SECRETS));
                progress.accept("Secrets copied");
            }
            Properties properties = new Properties();
            properties.setProperty("created", Instant.now().toString());
            properties.setProperty("source", dataFolder.toAbsolutePath().toString());
            properties.setProperty("store", "segment");
            try (Writer writer = Files.newBufferedWriter(target.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(writer, "Usines Ouvertes platform backup; restore with: java -jar usines-ouvertes.jar "
                        + "restore --from <this folder> --data <data folder>");
            }
        } catch (IOException e) {
            throw new RepositoryException("Backup to " + target + " failed: " + e.getMessage(), e);
        }
        return new Report(target, SegmentStoreBackend.diskSize(store.folder()), SegmentStoreBackend.diskSize(target),
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Restores {@code backup} into {@code dataFolder}, whose lock the caller holds. An existing repository is refused,
     * or with {@code replace} moved aside to {@code repository.before-restore-<time>}; the search indexes are removed
     * (rebuilt at start). Returns the restored repository's size.
     */
    public static long restore(Path backup, Path dataFolder, boolean replace, Consumer<String> progress) {
        if (!Files.isRegularFile(backup.resolve(PROPERTIES)) || !Files.isDirectory(backup.resolve(REPOSITORY))) {
            throw new IllegalArgumentException("'" + backup + "' is not a backup (no " + PROPERTIES + " and "
                    + REPOSITORY + "/)");
        }
        int topLevelNodes = SegmentStoreBackend.verify(backup.resolve(REPOSITORY));
        progress.accept("Backup " + backup + " checked: " + topLevelNodes + " top-level nodes");
        Path repository = dataFolder.resolve(REPOSITORY);
        try {
            if (Files.exists(repository) && !isEmpty(repository)) {
                if (!replace) {
                    throw new IllegalArgumentException("'" + dataFolder + "' already has a repository; add --replace to "
                            + "move it aside and restore the backup in its place");
                }
                Path aside = dataFolder.resolve(REPOSITORY + ".before-restore-" + STAMP.format(Instant.now()));
                Files.move(repository, aside);
                progress.accept("Existing repository moved to " + aside);
            }
            copyTree(backup.resolve(REPOSITORY), repository);
            if (Files.isDirectory(backup.resolve(SECRETS))) {
                copyTree(backup.resolve(SECRETS), dataFolder.resolve(SECRETS));
            }
            deleteTree(dataFolder.resolve("search-index"));
        } catch (IOException e) {
            throw new RepositoryException("Restore into " + dataFolder + " failed: " + e.getMessage(), e);
        }
        return SegmentStoreBackend.diskSize(repository);
    }

    private static boolean isEmpty(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
