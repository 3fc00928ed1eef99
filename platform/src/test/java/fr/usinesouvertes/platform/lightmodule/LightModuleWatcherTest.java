package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LightModuleWatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Path folder;
    private Definitions definitions;
    private LightModuleWatcher watcher;

    @BeforeEach
    void start() throws Exception {
        folder = Files.createTempDirectory("light-modules");
        Path templates = Files.createDirectories(folder.resolve("site/templates/pages"));
        Files.writeString(templates.resolve("home.yaml"), "title: Accueil\n");
        LightModuleLoader loader = new LightModuleLoader(new LightModuleOrigins(folder, Map.of()));
        definitions = new Definitions();
        definitions.replace(loader.load());
        watcher = LightModuleWatcher.start(loader, definitions, Duration.ofMillis(50));
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        PlatformExtension.deleteRecursively(folder);
    }

    @Test
    void changedFileIsReloadedWithoutRestart() throws Exception {
        Files.writeString(folder.resolve("site/templates/pages/home.yaml"), "title: Nouvel accueil\n");
        awaitRegistry(r -> r.template("site:pages/home").map(t -> t.title().equals("Nouvel accueil")).orElse(false));
        assertThat(definitions.current().template("site:pages/home").orElseThrow().title()).isEqualTo("Nouvel accueil");
    }

    @Test
    void filesInNewFoldersAreLoadedAndBrokenEditsAreReported() throws Exception {
        Path components = Files.createDirectories(folder.resolve("site/templates/components"));
        Files.writeString(components.resolve("text.yaml"), "title: Texte\n");
        awaitRegistry(r -> r.template("site:components/text").isPresent());

        Files.writeString(folder.resolve("site/templates/pages/home.yaml"), "title: [broken\n");
        awaitRegistry(r -> !r.problems().isEmpty());
        assertThat(definitions.current().problems().get(0).source()).isEqualTo("site/templates/pages/home.yaml");
        assertThat(definitions.current().template("site:components/text")).isPresent();
    }

    @Test
    void failedReloadKeepsTheLastRegistryAndRecordsTheProblem() throws Exception {
        DefinitionRegistry before = definitions.current();
        try (LightModuleWatcher failing = LightModuleWatcher.start(folder, () -> {
            throw new java.io.IOException("disk gone");
        }, definitions, Duration.ofMillis(50))) {
            watcher.close(); // only the failing watcher reacts
            Files.writeString(folder.resolve("site/templates/pages/home.yaml"), "title: Jamais vu\n");
            awaitRegistry(r -> !r.problems().isEmpty());
        }
        DefinitionRegistry after = definitions.current();
        assertThat(after.template("site:pages/home").orElseThrow().title()).isEqualTo("Accueil");
        assertThat(after.definitions()).isEqualTo(before.definitions());
        assertThat(after.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo("error");
            assertThat(p.reason()).contains("reload failed").contains("disk gone");
        });
    }

    private void awaitRegistry(Predicate<DefinitionRegistry> condition) {
        await("registry updated within " + WAIT).atMost(WAIT).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> condition.test(definitions.current()));
    }
}
