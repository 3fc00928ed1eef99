package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executable jar as a user runs it: start-up, ready line, refusals with a clear message, backup and restore. */
class ExecutableJarIT {

    private static final Duration START = Duration.ofSeconds(90);

    @TempDir
    Path work;

    private String[] args(String... extra) throws Exception {
        Files.createDirectories(work.resolve("light-modules"));
        Path config = Files.writeString(work.resolve("platform.yaml"), "port: 0\nhost: 127.0.0.1\n");
        String[] base = {"--config", config.toString(), "--data", work.resolve("data").toString(),
                "--light-modules", work.resolve("light-modules").toString()};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    @Test
    void startsAndLogsOneReadyLineWithUrlAndTime() throws Exception {
        try (JarProcess platform = JarProcess.start(work, args())) {
            URI base = platform.awaitReady(START);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(base.resolve(".rest/unknown")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.body()).contains("\"code\"");
            assertThat(platform.output()).containsPattern("ready at http://127\\.0\\.0\\.1:\\d+/ \\(started in \\d+ ms\\)");
        }
    }

    @Test
    void theBuildWritesAClassDataArchiveBesideTheJarThatTheJvmMaps() throws Exception {
        Path jar = JarProcess.jar();
        Path archive = jar.resolveSibling("usines-ouvertes.jsa");
        assertThat(archive).exists();
        assertThat(Files.getLastModifiedTime(archive)).isGreaterThan(Files.getLastModifiedTime(jar));
        // -Xshare:on: the JVM refuses to start rather than run without the archive
        Process jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off",
                "-Xlog:class+path=off", "-jar", jar.toString(), "--help").redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(jvm.waitFor()).as(output).isZero();
        assertThat(output).contains("Usage: usines-ouvertes");
    }

    @Test
    void theWarmUpRunOfTheBuildStartsAsksAndStopsOnAFolderOfItsOwn() throws Exception {
        try (JarProcess warmUp = JarProcess.start(work, "warm-up", "--light-modules",
                Files.createDirectories(work.resolve("light-modules")).toString())) {
            assertThat(warmUp.awaitExit(Duration.ofSeconds(90))).as(warmUp.output()).isZero();
            assertThat(warmUp.output()).contains("ready at http://127.0.0.1:");
        }
        assertThat(work.resolve("data")).doesNotExist();
    }

    @Test
    void secondProcessOnTheSameDataFolderFailsFast() throws Exception {
        try (JarProcess first = JarProcess.start(work, args())) {
            first.awaitReady(START);
            try (JarProcess second = JarProcess.start(work, args())) {
                assertThat(second.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
                assertThat(second.output()).contains("already in use by another platform process");
            }
        }
    }

    @Test
    void unknownOptionStopsAtOnceNamingIt() throws Exception {
        try (JarProcess platform = JarProcess.start(work, args("--prot", "80"))) {
            assertThat(platform.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(platform.output()).contains("Unknown setting 'prot'");
        }
    }

    @Test
    void badConfigValueStopsAtOnceNamingTheKey() throws Exception {
        Path config = Files.writeString(work.resolve("bad.yaml"), "port: eighty\n");
        try (JarProcess platform = JarProcess.start(work, "--config", config.toString(),
                "--data", work.resolve("data").toString())) {
            assertThat(platform.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(platform.output()).contains("setting 'port'");
        }
    }

    @Test
    void contentWrittenBeforeAKillMinus9IsThereAfterRestartAndNotImportedTwice() throws Exception {
        Path module = work.resolve("light-modules/durable");
        Files.createDirectories(module.resolve("bootstrap"));
        Files.createDirectories(module.resolve("restEndpoints/delivery"));
        Files.writeString(module.resolve("restEndpoints/delivery/pages_v1.yaml"),
                "workspace: website\nnodeTypes: [mgnl:page]\n");
        Files.writeString(module.resolve("bootstrap/website.durable.yaml"), """
                'durable':
                  'jcr:primaryType': 'mgnl:page'
                  'jcr:uuid': '0b8f5a52-3c2e-4f7e-9d0c-6f5e1d2c3b4a'
                  'title': 'Écrit avant le kill'
                """);
        String[] args = args();
        try (JarProcess first = JarProcess.start(work, args)) {
            URI base = first.awaitReady(START);
            assertThat(get(base, ".rest/delivery/pages/v1/durable").statusCode()).isEqualTo(200);
            assertThat(first.output()).contains("durable/bootstrap/website.durable.yaml imported");
            first.killHard(); // no shutdown hook, no orderly close of the segment store
        }
        try (JarProcess second = JarProcess.start(work, args)) {
            URI base = second.awaitReady(START);
            HttpResponse<String> page = get(base, ".rest/delivery/pages/v1/durable");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("\"@id\":\"0b8f5a52-3c2e-4f7e-9d0c-6f5e1d2c3b4a\"")
                    .contains("Écrit avant le kill");
            assertThat(second.output()).doesNotContain("website.durable.yaml imported");
        }
    }

    @Test
    void backupOfTheRunningJarRestoredIntoAnotherFolderStartsThereAndTheStoppedFolderIsCollected() throws Exception {
        Path module = work.resolve("light-modules/saved");
        Files.createDirectories(module.resolve("bootstrap"));
        Files.createDirectories(module.resolve("restEndpoints/delivery"));
        Files.writeString(module.resolve("restEndpoints/delivery/pages_v1.yaml"),
                "workspace: website\nnodeTypes: [mgnl:page]\n");
        Files.writeString(module.resolve("bootstrap/website.saved.yaml"), """
                'saved':
                  'jcr:primaryType': 'mgnl:page'
                  'title': 'Sauvegardé'
                """);
        String data = work.resolve("data").toString();
        String backup = work.resolve("backup").toString();
        try (JarProcess running = JarProcess.start(work, args())) {
            running.awaitReady(START);
            try (JarProcess command = JarProcess.start(work, "backup", "--data", data, "--to", backup)) {
                assertThat(command.awaitExit(Duration.ofSeconds(60))).as(command.output()).isZero();
                assertThat(command.output()).contains("writes the backup", "Backup of ");
            }
            try (JarProcess command = JarProcess.start(work, "repository", "gc", "--data", data)) {
                assertThat(command.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
                assertThat(command.output()).contains("already in use by another platform process");
            }
            try (JarProcess command = JarProcess.start(work, "restore", "--from", backup, "--data", data, "--replace")) {
                assertThat(command.awaitExit(Duration.ofSeconds(60))).isEqualTo(3);
            }
        }
        try (JarProcess command = JarProcess.start(work, "restore", "--from", backup, "--data",
                work.resolve("restored").toString())) {
            assertThat(command.awaitExit(Duration.ofSeconds(60))).as(command.output()).isZero();
        }
        try (JarProcess command = JarProcess.start(work, "repository", "gc", "--data", data)) {
            assertThat(command.awaitExit(Duration.ofSeconds(60))).as(command.output()).isZero();
            assertThat(command.output()).contains("compaction succeeded", "segment store: ", " MB → ");
        }
        try (JarProcess platform = JarProcess.start(work, "--config", work.resolve("platform.yaml").toString(),
                "--data", work.resolve("restored").toString(), "--light-modules", work.resolve("light-modules").toString())) {
            URI base = platform.awaitReady(START);
            HttpResponse<String> page = get(base, ".rest/delivery/pages/v1/saved");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("Sauvegardé");
            assertThat(platform.output()).doesNotContain("website.saved.yaml imported");
        }
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
