package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.PlatformLauncher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.repository.StoreBackends;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsTest {

    private final SettingsLoader loader = new SettingsLoader(PlatformLauncher.platformSettings());

    @TempDir
    Path data;

    @Test
    void theSegmentStoreIsTheDefault() {
        Settings settings = loader.parse(Map.of());
        assertThat(settings.get(ClusterSettings.STORE)).isEqualTo(ClusterSettings.Store.SEGMENT);
        assertThat(settings.get(ClusterSettings.CLUSTER_ID)).isZero();
        assertThat(settings.get(ClusterSettings.CLUSTER_READ_INTERVAL)).isEqualTo(1000);
        assertThat(settings.get(ClusterSettings.JDBC_PASSWORD)).isNull();
    }

    @Test
    void clusterSettingsComeFromTheCommandLine() {
        Settings settings = loader.load(new String[] {"--config", "../config/cluster.yaml", "--jdbc-password", "secret",
                "--cluster-id", "3"});
        assertThat(settings.get(ClusterSettings.STORE)).isEqualTo(ClusterSettings.Store.DOCUMENT);
        assertThat(settings.get(ClusterSettings.JDBC_URL)).startsWith("jdbc:postgresql://");
        assertThat(settings.get(ClusterSettings.JDBC_PASSWORD)).isEqualTo("secret");
        assertThat(settings.get(ClusterSettings.CLUSTER_ID)).isEqualTo(3);
    }

    @Test
    void badValuesNameTheKey() {
        assertThatThrownBy(() -> loader.parse(Map.of("store", "mongo")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("store").hasMessageContaining("mongo");
        assertThatThrownBy(() -> loader.parse(Map.of("cluster-read-interval", "0")))
                .isInstanceOf(SettingsException.class).hasMessageContaining("cluster-read-interval");
    }

    @Test
    void theDocumentStoreWithoutJdbcUrlSaysWhatIsMissing() {
        Settings settings = loader.parse(Map.of("store", "document", "data", data.toString()));
        assertThatThrownBy(() -> StoreBackends.fromSettings(settings))
                .isInstanceOf(RepositoryException.class).hasMessageContaining("jdbc-url");
    }
}
