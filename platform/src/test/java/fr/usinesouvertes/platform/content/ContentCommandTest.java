package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.command.PlatformCommandLine;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCommandTest {

    private static final String PRESS_FILE = "website.journees-usines-ouvertes.presse.yaml";

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PlatformCommandLine commandLine = new PlatformCommandLine(List.of(),
            new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(err, true, StandardCharsets.UTF_8));

    private int run(String... args) {
        return commandLine.execute(args);
    }

    private void seed(Path data) {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            repository.write(session -> session.getNode("/website").addNode("journees-usines-ouvertes", "mgnl:page"));
            new MagnoliaYamlImporter(repository).importContent(PRESS_FILE, MagnoliaYamlImporterTest.resource(PRESS_FILE));
        }
    }

    @Test
    void exportsToADirectoryUnderMagnoliaFileNameAndImportsIntoAnotherDataFolder() throws Exception {
        Path source = work.resolve("source");
        seed(source);
        Path exports = Files.createDirectories(work.resolve("exports"));

        assertThat(run("export", "website", "/journees-usines-ouvertes", "--to", exports.toString(),
                "--data", source.toString())).isZero();
        Path exported = exports.resolve("website.journees-usines-ouvertes.yaml");
        assertThat(Files.readString(exported)).startsWith("'journees-usines-ouvertes':\n  'jcr:primaryType': 'mgnl:page'\n");

        Path target = work.resolve("target");
        assertThat(run("import", exported.toString(), "--data", target.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Imported " + exported + ": /journees-usines-ouvertes");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(target))) {
            String id = repository.read(session -> session.getNode("/website/journees-usines-ouvertes/presse").getIdentifier());
            assertThat(id).isEqualTo("2c6f0d1e-7d2a-4c7e-9a51-3f0e0c1b2a10");
        }
    }

    @Test
    void importTakesMagnoliasModeForIdentifiersThatExistAlready() throws Exception {
        Path data = work.resolve("data");
        String node = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'jcr:uuid': '5e0c7b3a-2d1f-4e6a-9b8c-7d6e5f4a3b2c'\n";
        Path first = Files.writeString(work.resolve("website.a.yaml"), node);
        Path again = Files.writeString(work.resolve("website.b.yaml"), node.replace("'a':", "'b':"));
        assertThat(run("import", first.toString(), "--data", data.toString())).isZero();
        assertThat(run("import", again.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(run("import", "--mode", "sometimes", again.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--mode: mode 'sometimes' is not one of fail, "
                + "create-new, remove-existing, replace-existing");
        assertThat(run("import", "--mode", "remove-existing", again.toString(), "--data", data.toString())).isZero();
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            String path = repository.read(session -> session.getNodeByIdentifier("5e0c7b3a-2d1f-4e6a-9b8c-7d6e5f4a3b2c")
                    .getPath());
            assertThat(path).isEqualTo("/website/b");
        }
    }

    @Test
    void exportWithoutTargetWritesToStandardOutput() {
        Path data = work.resolve("data");
        seed(data);

        assertThat(run("export", "website", "/journees-usines-ouvertes/presse/main", "--data", data.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("'main':\n  'jcr:primaryType': 'mgnl:area'\n");
    }

    @Test
    void brokenFileFailsWithItsNameAndImportsNothing() throws Exception {
        Path file = Files.writeString(work.resolve("website.a.yaml"), "'a':\n  'jcr:primaryType': 'mgnl:nope'\n");
        Path data = work.resolve("data");

        assertThat(run("import", file.toString(), "--data", data.toString())).isEqualTo(1);

        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("website.a.yaml: node '/a' has unknown node type 'mgnl:nope'");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            boolean exists = repository.read(session -> session.nodeExists("/website/a"));
            assertThat(exists).isFalse();
        }
    }

    @Test
    void missingNodeAndBadArgumentsAreClearErrors() {
        Path data = work.resolve("data");

        assertThat(run("export", "website", "/nowhere", "--data", data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Export failed: No node '/nowhere' in workspace 'website'");
        assertThat(run("export", "website")).isEqualTo(2);
        assertThat(run("export", "website", "/", "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--bogus'", "Usage:");
    }

    @Test
    void runningPlatformsDataFolderIsRefusedWithAClearMessage() {
        Path data = work.resolve("data");
        try (ContentRepository running = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(run("export", "website", "/", "--data", data.toString())).isEqualTo(3);
        }
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is already in use by another platform process");
    }

    @Test
    void helpPrintsUsage() {
        assertThat(run("export", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: usines-ouvertes export", "[--to=FILE|DIR]",
                "<workspace> <path>", "--data=DIR", "--config=FILE");
    }
}
