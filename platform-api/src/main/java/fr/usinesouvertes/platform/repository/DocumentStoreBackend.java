package fr.usinesouvertes.platform.repository;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.jackrabbit.oak.plugins.document.ClusterNodeInfo;
import org.apache.jackrabbit.oak.plugins.document.DocumentNodeStore;
import org.apache.jackrabbit.oak.plugins.document.VersionGarbageCollector;
import org.apache.jackrabbit.oak.plugins.document.LeaseCheckMode;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBDocumentNodeStoreBuilder;
import org.apache.jackrabbit.oak.plugins.document.rdb.RDBOptions;
import org.apache.jackrabbit.oak.spi.state.NodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Oak's DocumentNodeStore on PostgreSQL (RDB document store, binaries in the same database): several
 * platform nodes share one database. Another node's commit becomes visible here after this node's
 * background read, every {@code readIntervalMillis}, plus that node's background write (same
 * interval): the visibility bound is about twice the read interval. The data folder only holds
 * node-local things (its lock file, later the search index and caches).
 */
public final class DocumentStoreBackend implements StoreBackend {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentStoreBackend.class);
    /** PostgreSQL advisory lock key serialising start-ups: "usines" in ASCII. */
    private static final long STARTUP_LOCK_KEY = 0x7573696e6573L;
    /** Oak reads its lease duration from this system property, once per JVM (its builder has no setter). */
    private static final String LEASE_PROPERTY = "oak.documentMK.leaseDurationSeconds";
    /** The platform's default lease (Oak's own is 120 s), for the options of callers that do not choose one. */
    public static final int DEFAULT_LEASE_SECONDS = 60;
    /** How old a revision must be for the version collection to remove it (Oak's service default: a day). */
    public static final Duration VERSION_GC_MAX_AGE = Duration.ofHours(24);
    /** How often this node looks for dead nodes to recover: one small query of Oak's cluster node table. */
    private static final Duration RECOVERY_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final DataFolderLock lock;
    private final HikariDataSource dataSource;
    private final DocumentNodeStore nodeStore;
    private final DeadNodeRecovery deadNodeRecovery;
    private final String jdbcUrl;
    private final Duration startupWait;
    /** Holds the start-up advisory lock from before Oak creates its tables until the guard is closed. */
    private Connection startupConnection;

    /**
     * Connection and cluster settings of one node.
     *
     * @param leaseSeconds Oak's cluster lease: after a node dies, the others recover its unfinished work
     *                     (and commit again on what it was changing) once this lease ends
     */
    public record Options(String jdbcUrl, String user, String password, int poolSize, int clusterId,
                          int readIntervalMillis, Duration startupWait, int leaseSeconds) {

        /** Options with the default lease. */
        public Options(String jdbcUrl, String user, String password, int poolSize, int clusterId,
                       int readIntervalMillis, Duration startupWait) {
            this(jdbcUrl, user, password, poolSize, clusterId, readIntervalMillis, startupWait, DEFAULT_LEASE_SECONDS);
        }
    }

    public DocumentStoreBackend(Path dataFolder, Options options) {
        if (options.jdbcUrl() == null || options.jdbcUrl().isBlank()) {
            throw new RepositoryException("The document store needs 'jdbc-url' (e.g. --jdbc-url jdbc:postgresql://host:5432/db)");
        }
        this.jdbcUrl = options.jdbcUrl();
        this.startupWait = options.startupWait();
        this.lock = DataFolderLock.acquire(dataFolder);
        try {
            this.dataSource = pool(options);
        } catch (RuntimeException e) {
            lock.close();
            throw new RepositoryException("Cannot connect to PostgreSQL at '" + jdbcUrl + "': " + e.getMessage(), e);
        }
        try {
            // Two nodes opening an empty database at once both create Oak's tables and one fails
            // ("duplicate key value violates unique constraint pg_type_typname_nsp_index").
            this.startupConnection = takeStartupLock();
        } catch (RuntimeException e) {
            dataSource.close();
            lock.close();
            throw e;
        }
        try {
            applyLeaseDuration(options.leaseSeconds());
            this.nodeStore = new RDBDocumentNodeStoreBuilder()
                    .setRDBConnection(dataSource, new RDBOptions())
                    .setClusterId(options.clusterId())
                    .setAsyncDelay(options.readIntervalMillis())
                    // STRICT: a node that lost its lease (paused too long) stops writing rather than
                    // corrupting what another node has since recovered.
                    .setLeaseCheckMode(LeaseCheckMode.STRICT)
                    .setLeaseFailureHandler(() -> LOG.error("This node lost its cluster lease: the repository "
                            + "refuses further access; restart the node"))
                    .build();
        } catch (RuntimeException e) {
            releaseStartupLock(startupConnection);
            dataSource.close();
            lock.close();
            throw new RepositoryException("Cannot open the document store at '" + jdbcUrl + "': " + e.getMessage(), e);
        }
        // Oak recovers a dead node's last commits only in its OSGi service; see DeadNodeRecovery.
        this.deadNodeRecovery = new DeadNodeRecovery(nodeStore, RECOVERY_CHECK_INTERVAL);
        LOG.info("Joined the cluster as node {} (read interval {} ms, lease {} s)", nodeStore.getClusterId(),
                options.readIntervalMillis(), nodeStore.getClusterInfo().getLeaseTime() / 1000);
    }

    /**
     * Sets Oak's lease duration before its {@link ClusterNodeInfo} class reads it. Oak reads it once per
     * JVM: a second node in the same JVM (tests) with another duration keeps the first one, and says so.
     */
    private static synchronized void applyLeaseDuration(int seconds) {
        System.setProperty(LEASE_PROPERTY, Integer.toString(seconds));
        int effective = ClusterNodeInfo.DEFAULT_LEASE_DURATION_MILLIS / 1000;
        if (effective != seconds) {
            LOG.warn("Oak's cluster lease stays {} s in this JVM (set by the first node opened here), not {} s",
                    effective, seconds);
        }
    }

    private static HikariDataSource pool(Options options) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("oak-document-store");
        config.setDriverClassName("org.postgresql.Driver");
        config.setJdbcUrl(options.jdbcUrl());
        config.setUsername(options.user());
        config.setPassword(options.password());
        config.setMaximumPoolSize(options.poolSize());
        config.setMinimumIdle(Math.min(2, options.poolSize()));
        config.setConnectionTimeout(30_000);
        config.setInitializationFailTimeout(10_000);
        return new HikariDataSource(config);
    }

    @Override
    public NodeStore nodeStore() {
        return nodeStore;
    }

    /**
     * Oak's version garbage collection (documents and revisions older than {@link #VERSION_GC_MAX_AGE} that no
     * current state needs), then its journal garbage collection (journal entries other nodes have read). Run on one
     * node at a time: the platform schedules it as a run-once cluster job.
     */
    @Override
    public RevisionGcReport collectRevisions(Consumer<String> progress) {
        long started = System.nanoTime();
        progress.accept("Version garbage collection of " + describe() + " (revisions older than "
                + VERSION_GC_MAX_AGE.toHours() + " h) started");
        try {
            VersionGarbageCollector.VersionGCStats stats = nodeStore.getVersionGarbageCollector()
                    .gc(VERSION_GC_MAX_AGE.toSeconds(), TimeUnit.SECONDS);
            progress.accept("Version garbage collection: " + stats);
            int journal = nodeStore.getJournalGarbageCollector().gc();
            progress.accept("Journal garbage collection: " + journal + " entries removed");
            return new RevisionGcReport("document store", true, -1, -1, Duration.ofNanos(System.nanoTime() - started),
                    "version GC " + stats + "; " + journal + " journal entries removed");
        } catch (IOException e) {
            throw new RepositoryException("Version garbage collection failed: " + e.getMessage(), e);
        }
    }

    /** This node's Oak cluster id. */
    @Override
    public int clusterId() {
        return nodeStore.getClusterId();
    }

    @Override
    public boolean shared() {
        return true;
    }

    @Override
    public String describe() {
        return "document store at " + jdbcUrl + " (cluster node " + nodeStore.getClusterId() + ")";
    }

    /**
     * Holds a PostgreSQL advisory lock (waiting at most the configured start-up wait for another
     * starting node), then reads the other nodes' latest changes, so this node sees what a node that
     * started before it created. On release, this node's changes are written back at once so the
     * next node sees them. The first call uses the lock taken when the store was opened.
     */
    @Override
    public synchronized StartupGuard exclusiveStartup() {
        Connection connection = startupConnection != null ? startupConnection : takeStartupLock();
        startupConnection = null;
        try {
            nodeStore.runBackgroundOperations();
        } catch (RuntimeException e) {
            releaseStartupLock(connection);
            throw e;
        }
        return () -> {
            try {
                nodeStore.runBackgroundOperations();
            } finally {
                releaseStartupLock(connection);
            }
        };
    }

    private Connection takeStartupLock() {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new RepositoryException("Cannot reach PostgreSQL at '" + jdbcUrl + "': " + e.getMessage(), e);
        }
        try {
            connection.setAutoCommit(true);
            long deadline = System.nanoTime() + startupWait.toNanos();
            boolean announced = false;
            while (!tryAdvisoryLock(connection)) {
                if (System.nanoTime() > deadline) {
                    throw new RepositoryException("Another cluster node has been initialising the repository for "
                            + "more than " + startupWait.toSeconds() + " s; if no node is starting, a "
                            + "PostgreSQL session still holds advisory lock " + STARTUP_LOCK_KEY);
                }
                if (!announced) {
                    LOG.info("Waiting for another cluster node to finish initialising the repository");
                    announced = true;
                }
                Thread.sleep(200);
            }
            return connection;
        } catch (SQLException | InterruptedException | RuntimeException e) {
            closeQuietly(connection);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw e instanceof RepositoryException r ? r
                    : new RepositoryException("Cannot take the cluster start-up lock: " + e.getMessage(), e);
        }
    }

    private void releaseStartupLock(Connection connection) {
        try (PreparedStatement unlock = connection.prepareStatement("select pg_advisory_unlock(?)")) {
            unlock.setLong(1, STARTUP_LOCK_KEY);
            unlock.execute();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Releasing the cluster start-up lock failed; it ends with the connection", e);
            dataSource.evictConnection(connection); // never hand a connection holding the lock back to the pool
            return;
        }
        closeQuietly(connection);
    }

    private static boolean tryAdvisoryLock(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
            statement.setLong(1, STARTUP_LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool discards a broken connection
        }
    }

    /** Disposes the node store (which releases its cluster lease), then the pool and the folder lock. */
    @Override
    public void close() {
        synchronized (this) {
            if (startupConnection != null) {
                releaseStartupLock(startupConnection);
                startupConnection = null;
            }
        }
        try {
            deadNodeRecovery.close();
            nodeStore.dispose();
        } finally {
            try {
                dataSource.close();
            } finally {
                lock.close();
            }
        }
    }
}
