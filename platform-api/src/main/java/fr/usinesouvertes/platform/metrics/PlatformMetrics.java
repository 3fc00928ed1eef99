package fr.usinesouvertes.platform.metrics;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.search.SearchIndex;
import fr.usinesouvertes.platform.search.SearchIndexes;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This platform's meters, one Micrometer registry per platform (several may run in one JVM, in tests), written in
 * Prometheus' text format by {@link #scrape()}: the JVM (memory, garbage collection, threads, class loading), the
 * process (CPU, uptime, open files), and what the platform binds: the repository ({@link #bindRepository}), the
 * search indexes ({@link #bindSearchIndexes}) and the cluster jobs ({@link #bindClusterJobs}). The HTTP server,
 * the caches and the modules add theirs to {@link #registry()}.
 */
public final class PlatformMetrics implements AutoCloseable {

    /** The media type of {@link #scrape()}: Prometheus' text exposition format. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();

    public PlatformMetrics() {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        closeables.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** The registry meters are added to, e.g. a module's own. */
    public MeterRegistry registry() {
        return registry;
    }

    /** Every meter, in Prometheus' text format ({@link #CONTENT_TYPE}). */
    public String scrape() {
        for (Runnable refresh : beforeScrape) {
            try {
                refresh.run();
            } catch (RuntimeException e) {
                LOG.warn("Refreshing meters before a scrape failed", e);
            }
        }
        return registry.scrape();
    }

    /**
     * {@code oak_commits_total}: this node's commits since the repository opened; {@code oak_segment_store_size_bytes}:
     * on the segment store, its size on disk.
     */
    public void bindRepository(ContentRepository repository) {
        FunctionCounter.builder("oak.commits", repository, ContentRepository::commitCount)
                .description("Commits this node made to the repository since it opened")
                .register(registry);
        if (repository.backend() instanceof SegmentStoreBackend segments) {
            Gauge.builder("oak.segment.store.size", segments, SegmentStoreBackend::sizeBytes)
                    .description("Size of the segment store on disk (tar files)")
                    .baseUnit("bytes")
                    .register(registry);
        }
    }

    /**
     * {@code search_index_documents{index=...}}: the searchable documents of each index, including those opened
     * after this call (modules open theirs at start).
     */
    public void bindSearchIndexes(SearchIndexes indexes) {
        Set<String> bound = ConcurrentHashMap.newKeySet();
        beforeScrape.add(() -> {
            for (SearchIndex index : indexes.all()) {
                if (bound.add(index.name())) {
                    Gauge.builder("search.index.documents", index, open -> open.status().documents())
                            .description("Searchable documents of the index")
                            .tag("index", index.name())
                            .register(registry);
                }
            }
        });
    }

    /** {@code cluster_jobs} scheduled on this node and {@code cluster_job_leases_held} by it now. */
    public void bindClusterJobs(ClusterJobs jobs) {
        Gauge.builder("cluster.jobs", jobs, scheduled -> scheduled.leaseStatus().jobs())
                .description("Run-once cluster jobs scheduled on this node")
                .register(registry);
        Gauge.builder("cluster.job.leases.held", jobs, scheduled -> scheduled.leaseStatus().held())
                .description("Run-once cluster jobs whose lease this node holds now")
                .register(registry);
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing {} failed", closeable, e);
            }
        }
        registry.close();
    }
}
