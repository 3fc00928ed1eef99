package fr.usinesouvertes.platform.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the public sees right after start-up: bootstrap content, and content from before publishing existed. */
class PublishingStartTest {

    @TempDir
    Path data;

    @TempDir
    Path lightModules;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void copySite() throws IOException {
        Path source = PublishingFixtures.LIGHT_MODULES;
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = lightModules.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    private Platform start() throws Exception {
        Settings settings = PlatformLauncher.settingsLoader(List.of()).parse(Map.of("port", "0", "host", "127.0.0.1",
                "data", data.toString(), "light-modules", lightModules.toString()));
        return Platform.builder(settings).modules(List.of()).start();
    }

    @Test
    void bootstrapContentIsPublishedWhenImported() throws Exception {
        Path file = lightModules.resolve("pub-site/bootstrap/website.accueil.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                'accueil':
                  'jcr:primaryType': 'mgnl:page'
                  'mgnl:template': 'pub-site:pages/page'
                  'title': 'Journées Usines Ouvertes'
                  'main':
                    'jcr:primaryType': 'mgnl:area'
                    '0':
                      'jcr:primaryType': 'mgnl:component'
                      'mgnl:template': 'pub-site:components/text'
                      'text': 'Bienvenue'
                  'presse':
                    'jcr:primaryType': 'mgnl:page'
                    'mgnl:template': 'pub-site:pages/page'
                    'title': 'Presse'
                """);
        try (Platform platform = start()) {
            String home = get(platform, "/").body();
            assertThat(PublishingFixtures.text(home, "title")).isEqualTo("Journées Usines Ouvertes");
            assertThat(PublishingFixtures.text(home, "main")).isEqualTo("Bienvenue");
            assertThat(get(platform, "/presse").statusCode()).isEqualTo(200);
            assertThat(platform.publishing().status("website", "/accueil/presse")).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(platform.publishing().versions("website", "/accueil")).extracting(ContentVersion::by)
                    .containsExactly("system");
        }
    }

    @Test
    void aRepositoryFromBeforePublishingKeepsItsPublicContent() throws Exception {
        try (Platform platform = start()) {
            PublishingFixtures.page(platform.repository(), "/ancien", "title", "Site d'avant");
            platform.repository().write(session -> { // as a data folder from before publishing: no live tree
                session.getNode("/live").remove();
                session.getNode("/publishing").remove();
                return null;
            });
        }
        try (Platform platform = start()) {
            assertThat(PublishingFixtures.text(get(platform, "/").body(), "title")).isEqualTo("Site d'avant");
            assertThat(platform.publishing().status("website", "/ancien")).isEqualTo(PublicationStatus.PUBLISHED);
        }
        try (Platform platform = start()) {
            assertThat(platform.publishing().versions("website", "/ancien")).hasSize(1); // published once only
        }
    }

    private HttpResponse<String> get(Platform platform, String path) throws Exception {
        URI uri = platform.baseUri().resolve(path.substring(1));
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
