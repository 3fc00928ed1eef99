package fr.usinesouvertes.platform.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.jackrabbit.oak.backup.impl.FileStoreBackupImpl;
import org.apache.jackrabbit.oak.segment.SegmentNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.compaction.SegmentGCOptions;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.segment.file.InvalidFileStoreVersionException;
import org.apache.jackrabbit.oak.segment.file.ReadOnlyFileStore;
import org.apache.jackrabbit.oak.spi.commit.Observer;
import org.apache.jackrabbit.oak.spi.gc.GCMonitor;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: Oak's segment store (TarMK) in {@code DATA/repository}. Every commit is
 * on disk (journal and segments) before {@link ContentRepository#write} returns, so an acknowledged write
 * survives {@code kill -9}; Oak alone flushes only every five seconds. Concurrent writers share one flush
 * ({@link GroupFlusher}).
 */
public final class SegmentStoreBackend implements StoreBackend {

    private static final Logger LOG = LoggerFactory.getLogger(SegmentStoreBackend.class);

    /**
     * Tar files of 16 MB, not Oak's 256: the file being written keeps the graph of its segments in memory
     * until it is closed, and every commit flushed for durability adds a small segment referring to many
     * older ones; with 256 MB files that graph held a million UUIDs after 15,000 bookings and left a
     * 300 MB heap collecting garbage without end.
     */
    static final int MAX_TAR_FILE_MB = 16;
    /** Oak's default keeps a million entries, far beyond what a small heap should hold for write deduplication. */
    private static final int NODE_DEDUPLICATION_ENTRIES = 65_536;

    /**
     * Oak skips an online collection within {@code oak.gc.backoff} ms of the last successful one of the process (10 h
     * by default), meant for its own size-triggered runs. Here collections run nightly or when an administrator asks:
     * an hour keeps a double click from compacting twice and lets the back office run one the morning after. Read once
     * by Oak, when its first store opens; a {@code -Doak.gc.backoff} given to the JVM wins.
     */
    static {
        if (System.getProperty("oak.gc.backoff") == null) {
            System.setProperty("oak.gc.backoff", Long.toString(Duration.ofHours(1).toMillis()));
        }
    }

    private final Path folder;
    private final DataFolderLock lock;
    private final ProgressMonitor gcMonitor = new ProgressMonitor();
    /** One revision collection or backup at a time: a backup reads a head that a collection's cleanup must not remove. */
    private final Object maintenance = new Object();
    private final FileStore fileStore;
    private final SegmentNodeStore nodeStore;
    private final GroupFlusher flusher;

    public SegmentStoreBackend(Path dataFolder) {
        this(dataFolder, false);
    }

    /**
     * The store of a stopped platform, for the {@code repository gc} command: Oak's offline collection keeps only the
     * current generation, so one run reclaims everything no longer reachable (online, Oak keeps the previous
     * generation too, for readers still on an older head, and a run reclaims what the run before it left).
     */
    public static SegmentStoreBackend forOfflineCollection(Path dataFolder) {
        return new SegmentStoreBackend(dataFolder, true);
    }

    private SegmentStoreBackend(Path dataFolder, boolean offline) {
        this.folder = dataFolder.resolve("repository");
        this.lock = DataFolderLock.acquire(dataFolder);
        // Collections run when the platform asks (nightly, back office, command), so Oak's estimation of whether one
        // is worth it is skipped.
        // Oak's guard cancelling compaction when a heap pool runs low watches the survivor space under the serial
        // collector (the one recommended for small nodes), often empty, and so cancels every compaction there; the
        // stores here are small and the caches sized to the heap, so the JVM's own limit is the guard.
        SegmentGCOptions gcOptions = SegmentGCOptions.defaultGCOptions().setEstimationDisabled(true).setMemoryThreshold(0);
        if (offline) {
            gcOptions.setOffline();
        }
        try {
            long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            this.fileStore = FileStoreBuilder.fileStoreBuilder(folder.toFile())
                    .withGCOptions(gcOptions)
                    .withGCMonitor(gcMonitor)
                    .withMaxFileSize(MAX_TAR_FILE_MB)
                    .withMemoryMapping(true)
                    .withSegmentCacheSize(cacheMb(heapMb, 8, 256))
                    .withStringCacheSize(cacheMb(heapMb, 16, 256))
                    .withTemplateCacheSize(cacheMb(heapMb, 32, 64))
                    .withNodeDeduplicationCacheSize(NODE_DEDUPLICATION_ENTRIES)
                    .build();
        } catch (IOException | InvalidFileStoreVersionException e) {
            lock.close();
            throw new RepositoryException("Cannot open the segment store in '" + folder + "': " + e.getMessage(), e);
        }
        this.nodeStore = SegmentNodeStoreBuilders.builder(fileStore).build();
        CommitTrackerTrimming.apply(nodeStore);
        this.flusher = new GroupFlusher(fileStore::flush);
        nodeStore.addObserver(countCommits());
    }

    /**
     * A cache's size in MB: a share of the heap, within Oak's default. Oak's defaults (256 MB of segments,
     * 256 MB of strings) assume a large heap; on a node started with {@code -Xmx160m} they let the caches
     * fill the heap under a burst of writes.
     */
    static int cacheMb(long heapMb, int heapShare, int oakDefaultMb) {
        return (int) Math.max(4, Math.min(oakDefaultMb, heapMb / heapShare));
    }

    /** Counts commits for the group flush; the observer runs inside the commit, so it must stay cheap. */
    private Observer countCommits() {
        return (root, info) -> {
            if (info != null) { // null marks the initial call on registration, not a commit
                flusher.committed();
            }
        };
    }

    @Override
    public void awaitDurable() {
        flusher.awaitDurable();
    }

    /**
     * Oak's full revision garbage collection: compacts the head state into a new generation of segments, then removes
     * the tar files' segments no retained generation reaches. Writes go on meanwhile; Oak retries compaction on the
     * commits made during it and, as a last resort, holds writers back for at most a minute to finish.
     */
    @Override
    public RevisionGcReport collectRevisions(Consumer<String> progress) {
        synchronized (maintenance) {
            long started = System.nanoTime();
            long before = fileStore.size();
            progress.accept("Revision garbage collection of " + describe() + " (" + RevisionGcReport.megabytes(before)
                    + ") started");
            gcMonitor.start(progress);
            try {
                fileStore.fullGC();
                fileStore.flush();
            } catch (IOException e) {
                throw new RepositoryException("Revision garbage collection failed: " + e.getMessage(), e);
            } finally {
                gcMonitor.start(null);
            }
            // Oak's size of its tar files: the files the cleanup dropped leave the disk within seconds (Oak's reaper).
            String skipped = gcMonitor.skipped;
            boolean compacted = gcMonitor.compacted;
            return new RevisionGcReport("segment store", compacted, before, fileStore.size(),
                    Duration.ofNanos(System.nanoTime() - started), skipped != null ? "skipped by Oak: " + skipped
                    : compacted ? fileStore.getSegmentCount() + " segments left"
                    : "compaction did not complete: " + gcMonitor.lastWarning);
        }
    }

    /**
     * Oak keeps the generation before the last full compaction for readers still on an older head, and reclaims it at
     * the next collection only (a day later with the nightly schedule): until then the store holds the old, uncompacted
     * segments beside the compacted copy. A tail compaction followed by a cleanup reclaims them at once, since Oak keeps
     * no uncompacted segment two generations old. Called once the readers of the old head are done
     * ({@link fr.usinesouvertes.platform.maintenance.StorageMaintenance} waits a few minutes). Oak's
     * {@code FileStore.tailGC} is not used: its back-off skips any run within an hour of the full one.
     */
    @Override
    public Optional<RevisionGcReport> reclaimPreviousGeneration(Consumer<String> progress) {
        synchronized (maintenance) {
            long started = System.nanoTime();
            long before = fileStore.size();
            progress.accept("Reclaiming the generation before the last collection (" + RevisionGcReport.megabytes(before)
                    + ")");
            boolean compacted;
            gcMonitor.start(progress);
            try {
                // Observers compare each new head with the last one they saw: reading the head now moves them to the
                // compacted one while the state they last saw still exists; after the cleanup it would not.
                nodeStore.getRoot();
                compacted = fileStore.compactTail();
                if (compacted) {
                    fileStore.cleanup();
                }
                fileStore.flush();
            } catch (IOException e) {
                throw new RepositoryException("Reclaiming the previous generation failed: " + e.getMessage(), e);
            } finally {
                gcMonitor.start(null);
            }
            return Optional.of(new RevisionGcReport("segment store", compacted, before, fileStore.size(),
                    Duration.ofNanos(System.nanoTime() - started), compacted
                    ? fileStore.getSegmentCount() + " segments left" : "tail compaction did not complete: "
                    + gcMonitor.lastWarning));
        }
    }

    /**
     * Copies the current head state into {@code target} as a new, compact segment store (Oak's online backup): a
     * consistent snapshot, since segments never change once written and the head is one record. Commits go on meanwhile
     * and are not in the copy.
     */
    public Duration backup(Path target, Consumer<String> progress) {
        synchronized (maintenance) {
            long started = System.nanoTime();
            progress.accept("Backing up " + describe() + " (" + RevisionGcReport.megabytes(diskSize(folder)) + ") to "
                    + target);
            try {
                fileStore.flush();
                new FileStoreBackupImpl().backup(fileStore.getReader(), fileStore.getRevisions(), target.toFile());
            } catch (IOException | InvalidFileStoreVersionException e) {
                throw new RepositoryException("Backup to " + target + " failed: " + e.getMessage(), e);
            }
            return Duration.ofNanos(System.nanoTime() - started);
        }
    }

    /**
     * Opens the segment store in {@code storeFolder} read-only and reads its head state's top-level nodes: a check that
     * a backup is a whole store before it is restored. Returns how many top-level nodes the head has.
     */
    public static int verify(Path storeFolder) {
        try (ReadOnlyFileStore store = FileStoreBuilder.fileStoreBuilder(storeFolder.toFile()).withMemoryMapping(false)
                .buildReadOnly()) {
            return (int) SegmentNodeStoreBuilders.builder(store).build().getRoot().getChildNodeCount(Integer.MAX_VALUE);
        } catch (IOException | InvalidFileStoreVersionException | RuntimeException e) {
            throw new RepositoryException("'" + storeFolder + "' is not a readable segment store: " + e.getMessage(), e);
        }
    }

    /** Asks a running collection to stop; the store stays as it was before it. */
    public void cancelCollection() {
        fileStore.cancelGC();
    }

    /** Bytes of the files under {@code folder} (0 when it does not exist). */
    public static long diskSize(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0; // removed by a cleanup meanwhile
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The store's folder, {@code DATA/repository}. */
    public Path folder() {
        return folder;
    }

    @Override
    public NodeStore nodeStore() {
        return nodeStore;
    }

    @Override
    public String describe() {
        return "segment store in " + folder;
    }

    /** The store's size on disk in bytes (its tar files), as Oak estimates it. */
    public long sizeBytes() {
        return fileStore.size();
    }

    /** Oak's collection messages, to the current run's progress (Oak logs them itself too). */
    private static final class ProgressMonitor extends GCMonitor.Empty {

        private volatile Consumer<String> progress;
        private volatile String skipped;
        private volatile boolean compacted;
        private volatile String lastWarning;

        void start(Consumer<String> target) {
            this.progress = target;
            if (target != null) {
                skipped = null;
                compacted = false;
                lastWarning = "see the log";
            }
        }

        @Override
        public void compacted() {
            compacted = true;
        }

        @Override
        public void info(String message, Object... arguments) {
            Consumer<String> target = progress;
            if (target != null) {
                target.accept(org.slf4j.helpers.MessageFormatter.arrayFormat(message, arguments).getMessage());
            }
        }

        @Override
        public void warn(String message, Object... arguments) {
            lastWarning = org.slf4j.helpers.MessageFormatter.arrayFormat(message, arguments).getMessage();
            info("warning: " + message, arguments);
        }

        @Override
        public void skipped(String message, Object... arguments) {
            // e.g. Oak's back-off: no second online collection within oak.gc.backoff hours (10) of a successful one
            skipped = org.slf4j.helpers.MessageFormatter.arrayFormat(message, arguments).getMessage();
            info("skipped: " + message, arguments);
        }

        @Override
        public void error(String message, Exception exception) {
            info("error: " + message + ": " + exception.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            fileStore.close();
        } finally {
            lock.close();
        }
    }
}
