package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.config.ClusterSettings;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import java.time.Duration;

/** Opens the store the {@code store} setting names, with its connection settings. */
public final class StoreBackends {

    /** How long a starting node waits for another node to finish initialising the shared repository. */
    public static final Duration STARTUP_WAIT = Duration.ofMinutes(3);

    private StoreBackends() {
    }

    public static StoreBackend fromSettings(Settings settings) {
        return switch (settings.get(ClusterSettings.STORE)) {
            case SEGMENT -> new SegmentStoreBackend(settings.get(CoreSettings.DATA));
            case DOCUMENT -> new DocumentStoreBackend(settings.get(CoreSettings.DATA), documentOptions(settings));
        };
    }

    public static DocumentStoreBackend.Options documentOptions(Settings settings) {
        return new DocumentStoreBackend.Options(settings.get(ClusterSettings.JDBC_URL),
                settings.get(ClusterSettings.JDBC_USER), settings.get(ClusterSettings.JDBC_PASSWORD),
                settings.get(ClusterSettings.JDBC_POOL_SIZE), settings.get(ClusterSettings.CLUSTER_ID),
                settings.get(ClusterSettings.CLUSTER_READ_INTERVAL), STARTUP_WAIT,
                settings.get(ClusterSettings.CLUSTER_LEASE));
    }
}
