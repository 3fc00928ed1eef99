package fr.usinesouvertes.platform.command;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code repository gc} on a stopped data folder: progress, figures, exit statuses. */
class RepositoryGcCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PlatformCommandLine(List.of(), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    @Test
    void collectsAStoppedRepositoryPrintingProgressAndFigures() {
        Path data = work.resolve("data");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            repository.write(session -> {
                Node folder = session.getRootNode().addNode("bulk", "nt:unstructured");
                for (int i = 0; i < 1_000; i++) {
                    folder.addNode("n" + i, "nt:unstructured").setProperty("text", "x".repeat(2_000) + i);
                }
                session.getRootNode().addNode("kept", "nt:unstructured").setProperty("title", "Gardé");
                return null;
            });
            repository.write(session -> {
                session.getNode("/bulk").remove();
                return null;
            });
        }
        long before = SegmentStoreBackend.diskSize(data.resolve("repository"));

        assertThat(run("repository", "gc", "--data", data.toString())).as(err.toString(StandardCharsets.UTF_8)).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("Revision garbage collection of segment store", "compaction succeeded",
                "segment store: ", " MB → ", "%) in");
        assertThat(SegmentStoreBackend.diskSize(data.resolve("repository"))).isLessThan(before / 2);
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            String title = repository.read(session -> session.getNode("/kept").getProperty("title").getString());
            assertThat(title).isEqualTo("Gardé");
        }
    }

    @Test
    void refusesARunningPlatformsFolderAndAFolderWithoutRepository() {
        Path data = work.resolve("running");
        try (ContentRepository running = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(run("repository", "gc", "--data", data.toString())).isEqualTo(3);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already in use by another platform process",
                "back office's Storage page");

        assertThat(run("repository", "gc", "--data", work.resolve("empty").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No repository in");
        assertThat(run("repository", "gc", "--bogus")).isEqualTo(2);
    }
}
