package fr.usinesouvertes.platform.command;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup} of a running or stopped data folder, {@code restore} into a stopped one, and their exit statuses. */
class BackupRestoreCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PlatformCommandLine(List.of(), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static void page(ContentRepository repository, String name, String title) {
        repository.write(session -> {
            session.getNode("/website").addNode(name, "mgnl:page").setProperty("title", title);
            return null;
        });
    }

    private static String title(Path data, String name) {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            return repository.read(session -> session.nodeExists("/website/" + name)
                    ? session.getNode("/website/" + name).getProperty("title").getString() : null);
        }
    }

    @Test
    void backsUpAStoppedFolderAndRestoresItIntoAFreshOne() throws Exception {
        Path data = work.resolve("data");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            page(repository, "accueil", "Accueil");
        }
        Files.createDirectories(data.resolve("secrets"));
        Files.writeString(data.resolve("secrets/registration-link-secret"), "c2VjcmV0");
        Path backup = work.resolve("backup");

        assertThat(run("backup", "--data", data.toString(), "--to", backup.toString())).as(err()).isZero();
        assertThat(out()).contains("Backing up segment store", "Backup of ", " written to " + backup);
        assertThat(backup.resolve("backup.properties")).exists();

        Path fresh = work.resolve("fresh");
        assertThat(run("restore", "--from", backup.toString(), "--data", fresh.toString())).as(err()).isZero();
        assertThat(out()).contains("checked: ", "Restored " + backup + " into " + fresh);
        assertThat(title(fresh, "accueil")).isEqualTo("Accueil");
        assertThat(fresh.resolve("secrets/registration-link-secret")).hasContent("c2VjcmV0");
    }

    @Test
    void backsUpARunningPlatformThroughItsControlChannel() throws Exception {
        Path data = work.resolve("running");
        Path backup = work.resolve("backup");
        try (Platform platform = PlatformLauncher.launch(new String[] {"--port", "0", "--host", "127.0.0.1",
                "--data", data.toString(), "--light-modules", work.resolve("no-light-modules").toString()})) {
            page(platform.repository(), "avant", "Écrit avant la sauvegarde");

            assertThat(run("backup", "--data", data.toString(), "--to", backup.toString())).as(err()).isZero();

            assertThat(out()).contains("The platform running on", "writes the backup", "Backup of ");
            page(platform.repository(), "apres", "Écrit après");
        }
        Path restored = work.resolve("restored");
        assertThat(run("restore", "--from", backup.toString(), "--data", restored.toString())).as(err()).isZero();
        assertThat(title(restored, "avant")).isEqualTo("Écrit avant la sauvegarde");
        assertThat(title(restored, "apres")).isNull();
        assertThat(data.resolve("control/platform.sock")).doesNotExist();
    }

    @Test
    void refusalsAndUsageErrors() throws Exception {
        Path data = work.resolve("data");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            page(repository, "accueil", "Accueil");
        }
        Path backup = work.resolve("backup");
        assertThat(run("backup", "--data", data.toString(), "--to", backup.toString())).isZero();

        assertThat(run("backup", "--data", data.toString(), "--to", backup.toString())).isEqualTo(1);
        assertThat(err()).contains("already exists and is not an empty folder");
        assertThat(run("backup", "--data", work.resolve("nothing").toString(), "--to", work.resolve("b2").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("No repository in");
        assertThat(run("backup", "--data", data.toString())).isEqualTo(2);
        assertThat(err()).contains("Missing required option: '--to=BACKUP'");

        assertThat(run("restore", "--from", work.resolve("nothing").toString(), "--data", work.resolve("x").toString()))
                .isEqualTo(1);
        assertThat(err()).contains("is not a backup");
        assertThat(run("restore", "--from", backup.toString(), "--data", data.toString())).isEqualTo(1);
        assertThat(err()).contains("already has a repository; add --replace");
        try (ContentRepository running = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(run("restore", "--from", backup.toString(), "--data", data.toString(), "--replace")).isEqualTo(3);
        }
        assertThat(err()).contains("already in use by another platform process", "stop the platform before restoring");

        assertThat(run("restore", "--from", backup.toString(), "--data", data.toString(), "--replace")).isZero();
        try (Stream<Path> entries = Files.list(data)) {
            assertThat(entries.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("repository.before-restore-"));
        }
        assertThat(title(data, "accueil")).isEqualTo("Accueil");
    }
}
