package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.PlatformLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {

    private final SettingsLoader loader = new SettingsLoader(PlatformLauncher.platformSettings());

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        Settings settings = loader.parse(java.util.Map.of());
        assertThat(settings.get(CoreSettings.PORT)).isEqualTo(8080);
        assertThat(settings.get(CoreSettings.DATA)).isEqualTo(Path.of("data"));
        assertThat(settings.get(CoreSettings.CLOCK)).isNull();
    }

    @Test
    void commandLineOverridesTheConfigFile(@TempDir Path folder) throws Exception {
        Path config = folder.resolve("platform.yaml");
        Files.writeString(config, "port: 9000\ndata: /srv/data\n");
        Settings settings = loader.load(new String[] {"--config", config.toString(), "--port", "9100"});
        assertThat(settings.get(CoreSettings.PORT)).isEqualTo(9100);
        assertThat(settings.get(CoreSettings.DATA)).isEqualTo(Path.of("/srv/data"));
    }

    @Test
    void equalsFormIsAccepted() {
        Settings settings = loader.load(new String[] {"--port=0", "--config=/dev/null"});
        assertThat(settings.get(CoreSettings.PORT)).isZero();
    }

    @Test
    void unknownOptionNamesTheKey() {
        assertThatThrownBy(() -> loader.load(new String[] {"--prot", "80"}))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'prot'");
    }

    @Test
    void unknownKeyInConfigFileNamesTheKey(@TempDir Path folder) throws Exception {
        Path config = folder.resolve("platform.yaml");
        Files.writeString(config, "port: 9000\nlight-module: x\n");
        assertThatThrownBy(() -> loader.load(new String[] {"--config", config.toString()}))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'light-module'");
    }

    @Test
    void badValueNamesTheKeyAndTheReason() {
        assertThatThrownBy(() -> loader.parse(java.util.Map.of("port", "70000")))
                .isInstanceOf(SettingsException.class)
                .hasMessageContaining("'port'").hasMessageContaining("outside");
        assertThatThrownBy(() -> loader.parse(java.util.Map.of("clock", "tomorrow")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'clock'");
    }

    @Test
    void optionWithoutValueIsRejected() {
        assertThatThrownBy(() -> loader.load(new String[] {"--port"}))
                .isInstanceOf(SettingsException.class).hasMessageContaining("'--port' needs a value");
    }

    @Test
    void missingConfigFileNamedExplicitlyIsAnError() {
        assertThatThrownBy(() -> loader.load(new String[] {"--config", "/nonexistent/platform.yaml"}))
                .isInstanceOf(SettingsException.class).hasMessageContaining("does not exist");
    }

    @Test
    void clockStartsAtTheGivenInstantAndThenRuns() throws InterruptedException {
        Settings settings = loader.parse(java.util.Map.of("clock", "2026-02-10T10:00:00+01:00"));
        java.time.Clock clock = settings.get(CoreSettings.CLOCK);
        Instant start = Instant.parse("2026-02-10T09:00:00Z");

        Instant first = clock.instant();
        assertThat(first).isBetween(start, start.plusSeconds(5));
        assertThat(clock.getZone()).isEqualTo(java.time.ZoneOffset.ofHours(1));
        // rate limits refill, links expire, publications fire
        await().atMost(java.time.Duration.ofSeconds(1)).until(() -> clock.instant().isAfter(first));
    }
}
