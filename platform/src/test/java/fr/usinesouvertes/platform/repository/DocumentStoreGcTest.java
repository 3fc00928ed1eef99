package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On PostgreSQL, the revision collection is Oak's version then journal garbage collection, content intact. */
class DocumentStoreGcTest {

    @TempDir
    Path data;

    @Test
    void runsOaksVersionAndJournalCollectionsAndKeepsTheContent() {
        try (SharedPostgres postgres = SharedPostgres.start()) {
            DocumentStoreBackend.Options options = new DocumentStoreBackend.Options(postgres.newDatabase(), "postgres",
                    "postgres", 4, 0, 100, Duration.ofSeconds(30));
            List<String> progress = new ArrayList<>();
            try (ContentRepository repository = ContentRepository.open(new DocumentStoreBackend(data, options))) {
                RevisionGcTest.write(repository, "kept", 100);
                RevisionGcTest.write(repository, "deleted", 100);
                repository.write(session -> {
                    session.getNode("/content/deleted").remove();
                    return null;
                });

                RevisionGcReport report = repository.backend().collectRevisions(progress::add);

                assertThat(report.store()).isEqualTo("document store");
                assertThat(report.summary()).contains("version GC", "journal entries removed");
                assertThat(progress).anyMatch(line -> line.startsWith("Version garbage collection of document store"));
                long kept = repository.read(session -> session.getNode("/content/kept").getNodes().getSize());
                assertThat(kept).isEqualTo(100L);
            }
        }
    }
}
