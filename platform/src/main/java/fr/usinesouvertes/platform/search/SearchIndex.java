package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node-local Lucene index kept in step with the repository: rebuilt from its
 * {@link SearchDocumentSource} at start and on demand with {@link #rebuild()}; a moment after
 * repository changes that concern it (debounced), the affected documents are replaced (or the whole index
 * rebuilt when the source cannot tell which). Searches go through a {@link SearcherManager}, so they keep
 * seeing the previous index while a rebuild runs.
 *
 * <p>Updates reach searchers through near-real-time refreshes of the writer; they are committed to disk
 * at most every {@value #COMMIT_INTERVAL_SECONDS} seconds and on close, not at each update: a commit
 * syncs files and starts merges, which under a burst of bookings cost more than everything else, and the
 * index is rebuilt from the repository at each start anyway.
 */
@PluginApi
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** Beyond this many changed paths at once, a full rebuild replaces the per-document update. */
    static final int MAX_INCREMENTAL_PATHS = 2000;
    static final int COMMIT_INTERVAL_SECONDS = 30;
    /**
     * Least time between the starts of two incremental updates: under a burst of bookings each update
     * reopens the near-real-time reader, which costs more than reading the changed documents; places left
     * a second old are fine in a search.
     */
    static final long MIN_UPDATE_INTERVAL_MILLIS = 1000;

    private final String name;
    private final ContentRepository repository;
    private final SearchDocumentSource source;
    private final FacetsConfig facetsConfig;
    private final Clock clock;
    private final long debounceMillis;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searcherManager;
    private final ScheduledExecutorService worker;
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private final AtomicBoolean updatePending = new AtomicBoolean();
    private final ChangeObserver changes;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong total = new AtomicLong();
    private volatile boolean rebuilding;
    private volatile Instant lastRebuild;
    private volatile long lastRebuildMillis;
    private volatile String lastError;
    private boolean uncommitted; // guarded by this
    private volatile long lastUpdateStart = Long.MIN_VALUE / 2;

    /** What an index needs; {@code debounceMillis} is the wait after a change before the index is rebuilt. */
    public record Options(String name, Path folder, long debounceMillis, Clock clock) {
    }

    public SearchIndex(Options options, ContentRepository repository, SearchDocumentSource source) {
        this.name = options.name();
        this.repository = repository;
        this.source = source;
        this.facetsConfig = source.facetsConfig();
        this.clock = options.clock();
        this.debounceMillis = options.debounceMillis();
        try {
            this.directory = FSDirectory.open(options.folder());
            IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            this.writer = new IndexWriter(directory, config);
            this.searcherManager = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open search index '" + name + "' in " + options.folder(), e);
        }
        this.worker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "search-index-" + name);
            thread.setDaemon(true);
            return thread;
        });
        this.changes = new ChangeObserver(repository, source::concerns, this::scheduleUpdate);
        scheduleRebuild(); // the repository may have changed while this node was down
        worker.scheduleWithFixedDelay(this::commitUpdates, COMMIT_INTERVAL_SECONDS, COMMIT_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    public String name() {
        return name;
    }

    /** The configuration to use when drilling down or counting facets of this index. */
    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** Runs {@code work} on the current searcher, released afterwards. */
    public <T> T search(SearcherWork<T> work) {
        try {
            IndexSearcher searcher = searcherManager.acquire();
            try {
                return work.run(searcher);
            } finally {
                searcherManager.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Searching index '" + name + "' failed", e);
        }
    }

    /** Work done with an acquired searcher. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    /** Rebuilds the whole index from the repository now, on the calling thread; searchers see it once done. */
    public synchronized SearchStatus rebuild() {
        long started = System.nanoTime();
        rebuilding = true;
        done.set(0);
        total.set(0);
        try {
            List<Document> documents = new ArrayList<>();
            repository.read(session -> {
                source.readAll(session, documents::add);
                return null;
            });
            total.set(documents.size());
            writer.deleteAll();
            for (Document document : documents) {
                writer.addDocument(facetsConfig.build(document));
                done.incrementAndGet();
            }
            writer.commit();
            uncommitted = false;
            searcherManager.maybeRefreshBlocking();
            lastError = null;
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            // searchers are refreshed only after a complete rebuild, so they keep the previous index
            LOG.error("Rebuilding search index '{}' failed", name, e);
        } finally {
            rebuilding = false;
            lastRebuild = clock.instant();
            lastRebuildMillis = (System.nanoTime() - started) / 1_000_000;
        }
        return status();
    }

    /**
     * Applies the changes observed since the last update a moment later (debounced): only the
     * affected documents when the source can tell which, else a full rebuild.
     */
    private void scheduleUpdate() {
        if (source.idField() == null) {
            scheduleRebuild();
            return;
        }
        if (updatePending.compareAndSet(false, true)) {
            long delay = Math.max(debounceMillis, lastUpdateStart + MIN_UPDATE_INTERVAL_MILLIS - System.nanoTime() / 1_000_000);
            try {
                worker.schedule(() -> {
                    updatePending.set(false);
                    lastUpdateStart = System.nanoTime() / 1_000_000;
                    update(changes.drain());
                }, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                updatePending.set(false);
            }
        }
    }

    private synchronized void update(Set<String> paths) {
        if (paths.isEmpty()) {
            return;
        }
        if (paths.size() > MAX_INCREMENTAL_PATHS) {
            rebuild(); // a bulk change (import, benchmark): one pass over the repository is cheaper
            return;
        }
        try {
            Set<String> ids = repository.read(session -> {
                Set<String> affected = new TreeSet<>();
                for (String path : paths) {
                    Set<String> forPath = source.affectedIds(session, path);
                    if (forPath == null) {
                        return null;
                    }
                    affected.addAll(forPath);
                }
                return affected;
            });
            if (ids == null) {
                rebuild();
                return;
            }
            if (ids.isEmpty()) {
                return;
            }
            Map<String, Optional<Document>> documents = repository.read(session -> {
                Map<String, Optional<Document>> read = new LinkedHashMap<>();
                for (String id : ids) {
                    read.put(id, source.read(session, id));
                }
                return read;
            });
            for (Map.Entry<String, Optional<Document>> entry : documents.entrySet()) {
                Term id = new Term(source.idField(), entry.getKey());
                if (entry.getValue().isPresent()) {
                    writer.updateDocument(id, facetsConfig.build(entry.getValue().get()));
                } else {
                    writer.deleteDocuments(id);
                }
            }
            uncommitted = true;
            searcherManager.maybeRefreshBlocking(); // near real time: searchers see the writer's changes
        } catch (IOException | RuntimeException e) {
            LOG.warn("Updating search index '{}' failed; rebuilding it", name, e);
            scheduleRebuild();
        }
    }

    /** Commits the updates made since the last commit, if any. */
    private synchronized void commitUpdates() {
        if (!uncommitted) {
            return;
        }
        try {
            writer.commit();
            uncommitted = false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Committing search index '{}' failed; retrying later", name, e);
        }
    }

    /** Starts a rebuild in the background unless one is already waiting; returns at once. */
    public void scheduleRebuild() {
        if (rebuildPending.compareAndSet(false, true)) {
            try {
                worker.schedule(() -> {
                    rebuildPending.set(false);
                    rebuild();
                }, debounceMillis, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                rebuildPending.set(false);
            }
        }
    }

    public SearchStatus status() {
        long documents = search(searcher -> (long) searcher.getIndexReader().numDocs());
        return new SearchStatus(name, rebuilding || rebuildPending.get(), done.get(), total.get(), documents,
                lastRebuild, lastRebuildMillis, lastError);
    }

    @Override
    public void close() {
        changes.close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
            commitUpdates();
            searcherManager.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            LOG.warn("Closing search index '{}' failed", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
