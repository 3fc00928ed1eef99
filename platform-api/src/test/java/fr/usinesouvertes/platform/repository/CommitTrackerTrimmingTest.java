package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.jackrabbit.oak.segment.SegmentNodeStore;
import org.apache.jackrabbit.oak.segment.SegmentNodeStoreBuilders;
import org.apache.jackrabbit.oak.segment.file.FileStore;
import org.apache.jackrabbit.oak.segment.file.FileStoreBuilder;
import org.apache.jackrabbit.oak.spi.commit.CommitInfo;
import org.apache.jackrabbit.oak.spi.commit.EmptyHook;
import org.apache.jackrabbit.oak.spi.state.NodeBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitTrackerTrimmingTest {

    private static final int WRITERS = 4;
    private static final int COMMITS_EACH = 150;

    @TempDir
    Path folder;

    @Test
    void oakKeepsTheCommitsThatWaitedForTheLockUnlessTrimmed() throws Exception {
        try (FileStore fileStore = FileStoreBuilder.fileStoreBuilder(folder.resolve("plain").toFile()).build()) {
            SegmentNodeStore store = SegmentNodeStoreBuilders.builder(fileStore).build();

            commitConcurrently(store);

            assertThat(CommitTrackerTrimming.trackedCommits(store)).as("commits Oak holds for a minute").isPositive();
        }
    }

    @Test
    void aTrimmedStoreKeepsNoCommit() throws Exception {
        try (FileStore fileStore = FileStoreBuilder.fileStoreBuilder(folder.resolve("trimmed").toFile()).build()) {
            SegmentNodeStore store = SegmentNodeStoreBuilders.builder(fileStore).build();
            assertThat(CommitTrackerTrimming.apply(store)).isTrue();

            commitConcurrently(store);

            assertThat(CommitTrackerTrimming.trackedCommits(store)).isZero();
            assertThat(store.getRoot().getChildNode("writer0").getLong("count")).isEqualTo(COMMITS_EACH);
        }
    }

    @Test
    void thePlatformsSegmentStoreIsTrimmed() throws Exception {
        SegmentStoreBackend backend = new SegmentStoreBackend(folder.resolve("data"));
        try {
            SegmentNodeStore store = (SegmentNodeStore) backend.nodeStore();

            commitConcurrently(store);

            assertThat(CommitTrackerTrimming.trackedCommits(store)).isZero();
        } finally {
            backend.close();
        }
    }

    /** Several writers at once, so that most commits wait for the commit lock. */
    private static void commitConcurrently(SegmentNodeStore store) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String name = "writer" + w;
                writers.add(pool.submit(() -> {
                    for (int i = 1; i <= COMMITS_EACH; i++) {
                        NodeBuilder root = store.getRoot().builder();
                        root.child(name).setProperty("count", (long) i);
                        store.merge(root, EmptyHook.INSTANCE, CommitInfo.EMPTY);
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
    }
}
