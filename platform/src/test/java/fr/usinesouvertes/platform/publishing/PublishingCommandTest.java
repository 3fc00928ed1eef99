package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.command.PlatformCommandLine;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line publishes and unpublishes on the data folder of a stopped platform. */
class PublishingCommandTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void publishesAndUnpublishesFromTheCommandLine() throws Exception {
        try (Platform platform = launch()) {
            PublishingFixtures.page(platform.repository(), "/site", "title", "Accueil");
            PublishingFixtures.page(platform.repository(), "/site/sub", "title", "Sous-page");
        }

        assertThat(run("publishing", "publish", "website", "/site", "--with-sub-pages", "--by", "ops")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("website:/site PUBLISHED");
        try (Platform platform = launch()) {
            assertThat(platform.publishing().status("website", "/site/sub")).isEqualTo(PublicationStatus.PUBLISHED);
            assertThat(platform.publishing().versions("website", "/site")).extracting(ContentVersion::by)
                    .containsExactly("ops");
        }

        assertThat(run("publishing", "unpublish", "website", "/site/sub")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("website:/site/sub DRAFT");
        assertThat(run("publishing", "publish", "config", "/modules")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("workspaceNotPublishable");
        assertThat(run("publishing", "publish", "website")).isEqualTo(2);
    }

    private int run(String... args) throws Exception {
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of(
                "--data", data.toString(), "--light-modules", PublishingFixtures.LIGHT_MODULES.toString())).toArray(String[]::new);
        return new PlatformCommandLine(PlatformLauncher.discoverModules(), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(all);
    }

    private Platform launch() throws Exception {
        return PlatformLauncher.launch(new String[] {"--port", "0", "--host", "127.0.0.1", "--data", data.toString(),
                "--light-modules", PublishingFixtures.LIGHT_MODULES.toString()});
    }
}
