package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bootstrap content through the real start-up, on a segment store kept across restarts. */
class BootstrapOnStartTest {

    @TempDir
    Path data;

    @TempDir
    Path lightModules;

    private Platform start() throws Exception {
        Settings settings = PlatformLauncher.settingsLoader(List.of()).parse(Map.of("port", "0", "host", "127.0.0.1",
                "data", data.toString(), "light-modules", lightModules.toString()));
        return Platform.builder(settings).modules(List.of()).start();
    }

    @Test
    void bootstrapContentIsImportedOnceAndEditorsChangesSurviveRestarts() throws Exception {
        Path file = lightModules.resolve("usines-ouvertes/bootstrap/website.accueil.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "'accueil':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'Journées Usines Ouvertes'\n");

        try (Platform platform = start()) {
            platform.repository().write(session -> {
                session.getNode("/website/accueil").setProperty("title", "Titre modifié par un éditeur");
                return null;
            });
        }
        try (Platform platform = start()) {
            String title = platform.repository().read(session -> session.getProperty("/website/accueil/title").getString());
            assertThat(title).isEqualTo("Titre modifié par un éditeur");
            boolean recorded = platform.repository().read(session ->
                    session.nodeExists("/config/bootstrap/usines-ouvertes/website.accueil.yaml"));
            assertThat(recorded).isTrue();
        }
    }

    @Test
    void platformStartsWithoutLightModulesFolder() throws Exception {
        Files.delete(lightModules);
        try (Platform platform = start()) {
            boolean hasBootstrapRecords = platform.repository().read(session -> session.nodeExists("/config/bootstrap"));
            assertThat(hasBootstrapRecords).isFalse();
        } finally {
            Files.createDirectories(lightModules);
        }
    }
}
