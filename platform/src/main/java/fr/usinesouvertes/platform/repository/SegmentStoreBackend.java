package fr.usinesouvertes.platform.repository;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.jackrabbit.oak.segment.SegmentNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.segment.file.InvalidFileStoreVersionException;
import org.apache.jackrabbit.oak.spi.commit.Observer;
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

    private final Path folder;
    private final DataFolderLock lock;
    private final FileStore fileStore;
    private final SegmentNodeStore nodeStore;
    private final GroupFlusher flusher;

    public SegmentStoreBackend(Path dataFolder) {
        this.folder = dataFolder.resolve("repository");
        this.lock = DataFolderLock.acquire(dataFolder);
        try {
            long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            this.fileStore = FileStoreBuilder.fileStoreBuilder(folder.toFile())
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

    @Override
    public void close() {
        try {
            fileStore.close();
        } finally {
            lock.close();
        }
    }
}
