package fr.usinesouvertes.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.PlatformLauncher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    private final SettingsLoader loader = new SettingsLoader(PlatformLauncher.platformSettings());

    @Test
    void byDefaultNoMetricsTokenTextLogsAndNoAccessLog() {
        Settings settings = loader.parse(Map.of());
        assertThat(settings.get(OperationsSettings.METRICS_TOKEN)).isNull();
        assertThat(settings.get(OperationsSettings.LOG_FORMAT)).isEqualTo(OperationsSettings.LogFormat.TEXT);
        assertThat(settings.get(OperationsSettings.ACCESS_LOG)).isFalse();
    }

    @Test
    void valuesAreRead() {
        Settings settings = loader.parse(Map.of("metrics-token", "0123456789abcdef0123", "log-format", "json",
                "access-log", "true"));
        assertThat(settings.get(OperationsSettings.METRICS_TOKEN)).isEqualTo("0123456789abcdef0123");
        assertThat(settings.get(OperationsSettings.LOG_FORMAT)).isEqualTo(OperationsSettings.LogFormat.JSON);
        assertThat(settings.get(OperationsSettings.ACCESS_LOG)).isTrue();
    }

    @Test
    void aShortOrSpacedTokenAndAnUnknownFormatAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> loader.parse(Map.of("metrics-token", "secret")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("metrics-token")
                .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> loader.parse(Map.of("metrics-token", "0123456789 abcdef0123")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("metrics-token");
        assertThatThrownBy(() -> loader.parse(Map.of("log-format", "xml")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("log-format");
    }
}
