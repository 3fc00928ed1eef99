package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    @Test
    void namesWhatChangedBetweenTwoCheckpointsOutsideTheExcludedTrees() {
        try (ContentRepository repository = ContentRepository.open(new MemoryStoreBackend())) {
            repository.excludeFromChangeNotifications("queue");
            repository.write(session -> {
                Node notes = session.getRootNode().addNode("notes", "nt:unstructured");
                notes.addNode("a", "nt:unstructured").setProperty("title", "A");
                notes.addNode("b", "nt:unstructured").setProperty("title", "B");
                return null;
            });
            Checkpoints checkpoints = repository.checkpoints();
            String before = checkpoints.create(Duration.ofMinutes(5), Map.of("creator", "test"));
            repository.write(session -> {
                session.getNode("/notes/a").setProperty("title", "A2");
                session.getNode("/notes/b").remove();
                session.getNode("/notes").addNode("c", "nt:unstructured").addNode("photo", "nt:unstructured");
                session.getRootNode().addNode("queue", "nt:unstructured").addNode("entry", "nt:unstructured");
                return null;
            });
            String after = checkpoints.create(Duration.ofMinutes(5), Map.of("creator", "test"));

            Checkpoints.Changes changes = checkpoints.changedSince(before, after, 100).orElseThrow();
            assertThat(changes.complete()).isTrue();
            assertThat(changes.paths()).contains("/notes/a/title", "/notes/b", "/notes/c", "/notes/c/photo")
                    .noneMatch(path -> path.startsWith("/queue"));
            assertThat(checkpoints.changedSince(after, after, 100).orElseThrow().paths()).isEmpty();

            assertThat(checkpoints.changedSince(before, after, 2).orElseThrow().complete()).isFalse();

            checkpoints.release(before);
            assertThat(checkpoints.changedSince(before, after, 100)).isEmpty();
            checkpoints.release(after);
        }
    }
}
