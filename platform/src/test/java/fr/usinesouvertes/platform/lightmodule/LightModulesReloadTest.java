package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The running platform picks up light-module edits without a restart (a temporary copy of the fixtures). */
class LightModulesReloadTest {

    private static final Path COPY = copyOfFixtures();
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(COPY).inMemory();

    @AfterAll
    static void deleteCopy() throws IOException {
        PlatformExtension.deleteRecursively(COPY);
    }

    @Test
    void editedTemplateIsServedWithoutRestart() throws Exception {
        assertThat(PLATFORM.staff().get("/.rest/definitions?type=templates").body()).contains("\"title\":\"Accueil\"");
        Path home = COPY.resolve("demo/templates/pages/home.yaml");
        Files.writeString(home, Files.readString(home).replace("title: Accueil", "title: Accueil modifié"));
        awaitBody("/.rest/definitions?type=templates", body -> body.contains("\"title\":\"Accueil modifié\""));

        Files.writeString(COPY.resolve("demo/templates/components/new.yaml"), "title: [oops\n");
        awaitBody("/.rest/definitions", body -> body.contains("demo/templates/components/new.yaml"));
        assertThat(PLATFORM.platform().definitions().current().template("demo:pages/home")).isPresent();
    }

    private static void awaitBody(String path, Predicate<String> condition) {
        await("reloaded within " + WAIT).atMost(WAIT).pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> PLATFORM.staff().get(path).body(), condition);
    }

    private static Path copyOfFixtures() {
        try {
            Path source = Path.of("src/test/resources/light-modules");
            Path target = Files.createTempDirectory("light-modules-copy");
            try (Stream<Path> walk = Files.walk(source)) {
                for (Path path : walk.toList()) {
                    Path copy = target.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(path, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
