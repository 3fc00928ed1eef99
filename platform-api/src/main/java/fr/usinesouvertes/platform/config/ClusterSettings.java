package fr.usinesouvertes.platform.config;

import java.util.List;

/** Settings of the repository store: the embedded segment store, or Oak's document store on PostgreSQL. */
public final class ClusterSettings {

    /** Which store keeps the repository's tree. */
    public enum Store { SEGMENT, DOCUMENT }

    public static final SettingDefinition<Store> STORE = new SettingDefinition<>("store",
            "Repository store: segment (embedded, one node) or document (PostgreSQL, several nodes)", "segment",
            ClusterSettings::store);
    public static final SettingDefinition<String> JDBC_URL = SettingDefinition.text("jdbc-url",
            "PostgreSQL JDBC URL of the shared document store, e.g. jdbc:postgresql://db:5432/usines", null);
    public static final SettingDefinition<String> JDBC_USER = SettingDefinition.text("jdbc-user",
            "PostgreSQL user of the document store", null);
    public static final SettingDefinition<String> JDBC_PASSWORD = new SettingDefinition<>("jdbc-password",
            "PostgreSQL password of the document store (no default: give it on the command line)", null, v -> v);
    public static final SettingDefinition<Integer> JDBC_POOL_SIZE = SettingDefinition.integer("jdbc-pool-size",
            "Maximum PostgreSQL connections of this node", "16", 2, 500);
    public static final SettingDefinition<Integer> CLUSTER_ID = SettingDefinition.integer("cluster-id",
            "This node's Oak cluster id (0 = pick one automatically)", "0", 0, 65535);
    public static final SettingDefinition<Integer> CLUSTER_READ_INTERVAL = SettingDefinition.integer(
            "cluster-read-interval", "Milliseconds between reads of other nodes' changes (visibility bound)",
            "1000", 10, 60_000);

    public static final SettingDefinition<Integer> JOB_LEASE = SettingDefinition.integer("cluster-job-lease",
            "Seconds after which another node takes over a run-once job from a node that stopped renewing",
            "30", 1, 3600);

    /**
     * Oak's cluster lease. Oak renews it every 10 s and a node gives up (refuses all access) when less than
     * 20 s of it remain unrenewed, so it must stay well above 30 s; after a node dies, writes of the others
     * that touch what it was committing wait for its lease to end.
     */
    public static final SettingDefinition<Integer> CLUSTER_LEASE = SettingDefinition.integer("cluster-lease-seconds",
            "Seconds of Oak's cluster lease: how long after a node dies the others recover its unfinished work "
                    + "(renewed every 10 s; a node stops if it cannot renew for this minus 20 s)", "60", 40, 3600);

    private ClusterSettings() {
    }

    public static List<SettingDefinition<?>> all() {
        return List.of(STORE, JDBC_URL, JDBC_USER, JDBC_PASSWORD, JDBC_POOL_SIZE, CLUSTER_ID, CLUSTER_READ_INTERVAL,
                JOB_LEASE, CLUSTER_LEASE);
    }

    static Store store(String value) {
        return switch (value.trim()) {
            case "segment" -> Store.SEGMENT;
            case "document" -> Store.DOCUMENT;
            default -> throw new IllegalArgumentException("'" + value + "' is not segment or document");
        };
    }
}
