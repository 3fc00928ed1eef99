package fr.usinesouvertes.platform.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.PlatformLauncher;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperationsSettingsTest {

    private final SettingsLoader loader = new SettingsLoader(PlatformLauncher.platformSettings());

    @Test
    void byDefaultNoMetricsToken() {
        Settings settings = loader.parse(Map.of());
        assertThat(settings.get(OperationsSettings.METRICS_TOKEN)).isNull();
    }

    @Test
    void valuesAreRead() {
        Settings settings = loader.parse(Map.of("metrics-token", "0123456789abcdef0123"));
        assertThat(settings.get(OperationsSettings.METRICS_TOKEN)).isEqualTo("0123456789abcdef0123");
    }

    @Test
    void aShortOrSpacedTokenIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> loader.parse(Map.of("metrics-token", "secret")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("metrics-token")
                .hasMessageContaining("16 characters");
        assertThatThrownBy(() -> loader.parse(Map.of("metrics-token", "0123456789 abcdef0123")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("metrics-token");
    }
}
