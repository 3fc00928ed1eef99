package fr.usinesouvertes.platform.cluster;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Starts platform nodes on one shared PostgreSQL database, each with its own data folder. */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    static Platform startNode(String jdbcUrl, Path lightModules, int readIntervalMillis) throws Exception {
        return startNode(jdbcUrl, lightModules, readIntervalMillis, Map.of(), null);
    }

    /** A node with more settings (e.g. {@code cluster-job-lease}) and, when not null, the platform clock. */
    public static Platform startNode(String jdbcUrl, Path lightModules, int readIntervalMillis,
                                     Map<String, String> more, java.time.Clock clock) throws Exception {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("port", "0");
        raw.put("host", "127.0.0.1");
        raw.put("data", Files.createTempDirectory("cluster-node").toString());
        raw.put("light-modules", lightModules.toAbsolutePath().toString());
        raw.put("store", "document");
        raw.put("jdbc-url", jdbcUrl);
        raw.put("jdbc-user", "postgres");
        raw.put("jdbc-password", "postgres");
        raw.put("jdbc-pool-size", "8");
        raw.put("cluster-read-interval", String.valueOf(readIntervalMillis));
        raw.putAll(more);
        Settings settings = PlatformLauncher.settingsLoader(List.of()).parse(raw);
        Platform.Builder builder = Platform.builder(settings).modules(List.of());
        if (clock != null) {
            builder.clock(clock);
        }
        return builder.start();
    }
}
