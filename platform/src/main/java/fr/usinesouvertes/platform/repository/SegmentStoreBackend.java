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

    private final Path folder;
    private final DataFolderLock lock;
    private final FileStore fileStore;
    private final SegmentNodeStore nodeStore;
    private final GroupFlusher flusher;

    public SegmentStoreBackend(Path dataFolder) {
        this.folder = dataFolder.resolve("repository");
        this.lock = DataFolderLock.acquire(dataFolder);
        try {
            this.fileStore = FileStoreBuilder.fileStoreBuilder(folder.toFile())
                    .withMaxFileSize(256)
                    .withMemoryMapping(true)
                    .build();
        } catch (IOException | InvalidFileStoreVersionException e) {
            lock.close();
            throw new RepositoryException("Cannot open the segment store in '" + folder + "': " + e.getMessage(), e);
        }
        this.nodeStore = SegmentNodeStoreBuilders.builder(fileStore).build();
        this.flusher = new GroupFlusher(fileStore::flush);
        nodeStore.addObserver(countCommits());
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

    @Override
    public void close() {
        try {
            fileStore.close();
        } finally {
            lock.close();
        }
    }
}
