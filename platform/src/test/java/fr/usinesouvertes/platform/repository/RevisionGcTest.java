package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Oak's revision garbage collection on the segment store: content intact, deleted content's space reclaimed. */
class RevisionGcTest {

    private static final String TEXT = "x".repeat(2_000);

    @TempDir
    Path data;

    @Test
    void onlineCollectionKeepsTheContentAndReclaimsWhatWasDeletedAtTheNextRun() {
        List<String> progress = new ArrayList<>();
        long before;
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            write(repository, "kept", 200);
            write(repository, "deleted", 2_000);
            delete(repository, "deleted");
            before = SegmentStoreBackend.diskSize(data.resolve("repository"));

            RevisionGcReport first = repository.backend().collectRevisions(progress::add);

            // Online, Oak keeps the generation before the new one for readers still on it: nothing reclaimed yet
            assertThat(first.completed()).isTrue();
            assertThat(first.bytesBefore()).isGreaterThan(before * 9 / 10);
            assertThat(first.summary()).startsWith("segment store: ").contains(" MB → ", " in ", "segments left");
            assertThat(progress).anyMatch(line -> line.startsWith("Revision garbage collection of segment store"))
                    .anyMatch(line -> line.contains("compaction succeeded"));
            write(repository, "after-first-run", 10);
            assertThat(count(repository, "kept")).isEqualTo(200L);
            RevisionGcReport again = repository.backend().collectRevisions(progress::add);
            assertThat(again.completed()).isFalse();
            assertThat(again.details()).startsWith("skipped by Oak: ").contains("less than 1 hours");
        }
        try (ContentRepository nextNight = ContentRepository.open(new SegmentStoreBackend(data))) {
            RevisionGcReport second = nextNight.backend().collectRevisions(progress::add);

            // what was deleted is gone; the previous compacted generation stays until the next run
            assertThat(second.bytesAfter()).isLessThan(before / 2);
            assertThat(count(nextNight, "kept")).isEqualTo(200L);
            assertThat(count(nextNight, "after-first-run")).isEqualTo(10L);
        }
        assertThat(SegmentStoreBackend.diskSize(data.resolve("repository"))).isLessThan(before / 2);
        try (ContentRepository reopened = ContentRepository.open(new SegmentStoreBackend(data))) {
            String text = reopened.read(session -> session.getNode("/content/kept/n199").getProperty("text").getString());
            boolean deleted = !reopened.read(session -> session.nodeExists("/content/deleted"));
            assertThat(text).isEqualTo(TEXT + 199);
            assertThat(deleted).isTrue();
        }
    }

    @Test
    void reclaimingThePreviousGenerationAfterACollectionLeavesAboutTheLiveData() {
        List<String> progress = new ArrayList<>();
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            write(repository, "kept", 200);
            write(repository, "deleted", 2_000);
            delete(repository, "deleted");
            long before = SegmentStoreBackend.diskSize(data.resolve("repository"));
            assertThat(repository.backend().collectRevisions(progress::add).completed()).isTrue();
            write(repository, "between", 10); // written after the compaction, before the reclaim

            RevisionGcReport reclaimed = repository.backend().reclaimPreviousGeneration(progress::add).orElseThrow();

            assertThat(reclaimed.completed()).isTrue();
            assertThat(reclaimed.summary()).startsWith("segment store: ").contains("segments left");
            assertThat(progress).anyMatch(line -> line.startsWith("Reclaiming the generation before the last collection"));
            // 200 of the 2,200 nodes written are live: the store holds about them, not the 2,000 deleted ones
            assertThat(reclaimed.bytesAfter()).isLessThan(before / 4);
            assertThat(count(repository, "kept")).isEqualTo(200L);
            assertThat(count(repository, "between")).isEqualTo(10L);
        }
        try (ContentRepository reopened = ContentRepository.open(new SegmentStoreBackend(data))) {
            String text = reopened.read(session -> session.getNode("/content/kept/n199").getProperty("text").getString());
            assertThat(text).isEqualTo(TEXT + 199);
            assertThat(count(reopened, "between")).isEqualTo(10L);
        }
    }

    @Test
    void offlineCollectionReclaimsInOneRun() {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            write(repository, "kept", 200);
            write(repository, "deleted", 2_000);
            delete(repository, "deleted");
        }
        long before = SegmentStoreBackend.diskSize(data.resolve("repository"));
        try (SegmentStoreBackend backend = SegmentStoreBackend.forOfflineCollection(data)) {
            RevisionGcReport report = backend.collectRevisions(line -> { });
            assertThat(report.completed()).isTrue();
            assertThat(report.bytesBefore()).isGreaterThan(before * 9 / 10);
            assertThat(report.bytesAfter()).isLessThan(before / 3);
        }
        assertThat(SegmentStoreBackend.diskSize(data.resolve("repository"))).isLessThan(before / 3);
        try (ContentRepository reopened = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(count(reopened, "kept")).isEqualTo(200L);
        }
    }

    static void write(ContentRepository repository, String folder, int nodes) {
        for (int batch = 0; batch < nodes; batch += 100) {
            int from = batch;
            repository.write(session -> {
                Node root = session.getRootNode();
                Node content = root.hasNode("content") ? root.getNode("content") : root.addNode("content", "nt:unstructured");
                Node parent = content.hasNode(folder) ? content.getNode(folder) : content.addNode(folder, "nt:unstructured");
                for (int i = from; i < Math.min(nodes, from + 100); i++) {
                    parent.addNode("n" + i, "nt:unstructured").setProperty("text", TEXT + i);
                }
                return null;
            });
        }
    }

    private static void delete(ContentRepository repository, String folder) {
        repository.write(session -> {
            session.getNode("/content/" + folder).remove();
            return null;
        });
    }

    private static long count(ContentRepository repository, String folder) {
        return (long) repository.read(session -> session.getNode("/content/" + folder).getNodes().getSize());
    }
}
