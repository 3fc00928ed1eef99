package fr.usinesouvertes.platform.cluster;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.testing.SharedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Starts platform nodes on one shared PostgreSQL database, each with its own data folder. */
public final class ClusterNodes {

    private ClusterNodes() {
    }

    /** Starts one node (a platform, a repository, ...) on the given database. */
    @FunctionalInterface
    public interface NodeStarter<T> {
        T start(String jdbcUrl) throws Exception;
    }

    /** Two nodes on a fresh database of their own embedded PostgreSQL; closing stops both, then PostgreSQL. */
    public record Pair<T extends AutoCloseable>(SharedPostgres postgres, T a, T b) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try {
                closeAll(b, a);
            } finally {
                postgres.close();
            }
        }
    }

    /**
     * Starts PostgreSQL and two nodes on one new database, at the same time: the second waits for the
     * first's initialisation (the start-up lock) instead of colliding with it, as in production.
     */
    public static <T extends AutoCloseable> Pair<T> startPair(NodeStarter<T> starter) throws Exception {
        SharedPostgres postgres = SharedPostgres.start();
        String db = postgres.newDatabase();
        CompletableFuture<T> a = CompletableFuture.supplyAsync(() -> startOrFail(starter, db));
        CompletableFuture<T> b = CompletableFuture.supplyAsync(() -> startOrFail(starter, db));
        try {
            return new Pair<>(postgres, a.join(), b.join());
        } catch (CompletionException e) {
            closeAll(b.handle((node, failure) -> node).join(), a.handle((node, failure) -> node).join());
            postgres.close();
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static <T> T startOrFail(NodeStarter<T> starter, String db) {
        try {
            return starter.start(db);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static void closeAll(AutoCloseable... nodes) throws Exception {
        Exception first = null;
        for (AutoCloseable node : nodes) {
            try {
                if (node != null) {
                    node.close();
                }
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    public static Platform startNode(String jdbcUrl, Path lightModules, int readIntervalMillis) throws Exception {
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
