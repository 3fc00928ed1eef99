package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.repository.Checkpoints;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
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
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One node-local Lucene index kept in step with the repository, from its {@link SearchDocumentSource}.
 *
 * <p>The index remembers which state of the repository it reflects: an Oak checkpoint, named in each Lucene commit.
 * A moment after repository changes that concern it (debounced), it takes a new checkpoint, reads the paths changed
 * since the previous one and replaces the affected documents (or rebuilds the whole index when the source cannot tell
 * which, or too much changed). At start it does the same from the checkpoint of its last commit, so a restart reads
 * only what changed while the node was down; it rebuilds in full when there is no such commit, when its checkpoint
 * has expired ({@value #CHECKPOINT_LIFETIME_DAYS} days) or when the code that built it has changed. {@link #rebuild()}
 * rebuilds on demand. Searches go through a {@link SearcherManager}, so they keep seeing the previous index while a
 * rebuild runs.
 *
 * <p>Updates reach searchers through near-real-time refreshes of the writer; they are committed to disk (with their
 * checkpoint) at most every {@value #COMMIT_INTERVAL_SECONDS} seconds and on close, not at each update: a commit
 * syncs files and starts merges, which under a burst of changes cost more than everything else. After a crash the
 * index restarts from its last commit and catches up from that commit's checkpoint.
 */
@PluginApi
public final class SearchIndex implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);

    /** Beyond this many changed paths at once, a full rebuild replaces the per-document update. */
    static final int MAX_INCREMENTAL_PATHS = 2000;
    static final int COMMIT_INTERVAL_SECONDS = 30;
    /**
     * How long the repository keeps the state an index last committed: a node down for longer rebuilds its indexes
     * at start. A running index renews its checkpoint after half of it, even when nothing changes. Short, because a
     * checkpoint also holds back the garbage collection of the revisions after it (on the shared document store, for
     * every node).
     */
    static final int CHECKPOINT_LIFETIME_DAYS = 2;
    static final Duration CHECKPOINT_LIFETIME = Duration.ofDays(CHECKPOINT_LIFETIME_DAYS);
    /** Lucene commit data: the checkpoint the commit reflects, and which code built the index. */
    static final String CHECKPOINT_KEY = "checkpoint";
    static final String BUILT_BY_KEY = "built-by";
    /**
     * Least time between the starts of two incremental updates: under a burst of changes each update
     * reopens the near-real-time reader, which costs more than reading the changed documents; places left
     * a second old are fine in a search.
     */
    static final long MIN_UPDATE_INTERVAL_MILLIS = 1000;

    private final String name;
    private final ContentRepository repository;
    private final Checkpoints checkpoints;
    private final SearchDocumentSource source;
    private final String builtBy;
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
    private volatile boolean current;
    /** The checkpoint the searchers' index reflects; {@code null} until the first rebuild. Guarded by this. */
    private String appliedCheckpoint;
    private long appliedAtNanos;
    /** The checkpoint of the last Lucene commit; kept for the next start. Guarded by this. */
    private String committedCheckpoint;
    private boolean uncommitted; // guarded by this
    private volatile long lastUpdateStart = Long.MIN_VALUE / 2;

    /** What an index needs; {@code debounceMillis} is the wait after a change before the index is updated. */
    public record Options(String name, Path folder, long debounceMillis, Clock clock) {
    }

    public SearchIndex(Options options, ContentRepository repository, SearchDocumentSource source) {
        this.name = options.name();
        this.repository = repository;
        this.checkpoints = repository.checkpoints();
        this.source = source;
        this.builtBy = builtBy(source);
        this.facetsConfig = source.facetsConfig();
        this.clock = options.clock();
        this.debounceMillis = options.debounceMillis();
        String resumeFrom;
        try {
            this.directory = FSDirectory.open(options.folder());
            resumeFrom = lastCommittedCheckpoint(directory, builtBy);
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
        if (resumeFrom != null) {
            synchronized (this) {
                appliedCheckpoint = resumeFrom;
                committedCheckpoint = resumeFrom;
                appliedAtNanos = System.nanoTime() - CHECKPOINT_LIFETIME.toNanos(); // renewed by the catch-up
            }
            worker.execute(() -> { // what changed while this node was down
                long started = System.nanoTime();
                catchUp();
                if (current && lastRebuild == null) {
                    LOG.info("Search index '{}' resumed from its last commit and caught up in {} ms", name,
                            (System.nanoTime() - started) / 1_000_000);
                }
            });
        } else {
            scheduleRebuild();
        }
        worker.scheduleWithFixedDelay(this::renewAndCommit, COMMIT_INTERVAL_SECONDS, COMMIT_INTERVAL_SECONDS,
                TimeUnit.SECONDS);
    }

    /** Which code built an index: its source's class and the jar (or folder) it comes from, with its size and date. */
    private static String builtBy(SearchDocumentSource source) {
        String origin = "unknown";
        try {
            java.security.CodeSource code = source.getClass().getProtectionDomain().getCodeSource();
            if (code != null && code.getLocation() != null) {
                Path location = Path.of(code.getLocation().toURI());
                origin = location + " " + java.nio.file.Files.size(location) + " "
                        + java.nio.file.Files.getLastModifiedTime(location).toMillis();
            }
        } catch (IOException | java.net.URISyntaxException | RuntimeException e) {
            LOG.debug("Cannot tell where {} comes from; its index is rebuilt at each start", source.getClass(), e);
            origin = "unknown " + System.nanoTime();
        }
        return source.getClass().getName() + " from " + origin;
    }

    /** The checkpoint of the index's last commit, when that commit was made by the same code; else {@code null}. */
    private String lastCommittedCheckpoint(Directory folder, String expectedBuiltBy) throws IOException {
        if (!DirectoryReader.indexExists(folder)) {
            return null;
        }
        Map<String, String> data = SegmentInfos.readLatestCommit(folder).getUserData();
        if (!expectedBuiltBy.equals(data.get(BUILT_BY_KEY))) {
            LOG.info("Search index '{}' was built by other code: rebuilding it", name);
            return null;
        }
        return data.get(CHECKPOINT_KEY);
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
        String checkpoint = null;
        try {
            checkpoint = newCheckpoint(); // before reading: the index reflects at least this state
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
            applied(checkpoint);
            checkpoint = null;
            commitUpdates();
            searcherManager.maybeRefreshBlocking();
            lastError = null;
            current = true;
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            // searchers are refreshed only after a complete rebuild, so they keep the previous index
            LOG.error("Rebuilding search index '{}' failed", name, e);
            if (checkpoint != null) {
                checkpoints.release(checkpoint);
            }
        } finally {
            rebuilding = false;
            lastRebuild = clock.instant();
            lastRebuildMillis = (System.nanoTime() - started) / 1_000_000;
        }
        return status();
    }

    private String newCheckpoint() {
        return checkpoints.create(CHECKPOINT_LIFETIME, Map.of("creator", "search index " + name));
    }

    /** The searchers' index now reflects {@code checkpoint}; the one it replaces goes unless the last commit names it. */
    private void applied(String checkpoint) {
        if (appliedCheckpoint != null && !appliedCheckpoint.equals(committedCheckpoint)) {
            checkpoints.release(appliedCheckpoint);
        }
        appliedCheckpoint = checkpoint;
        appliedAtNanos = System.nanoTime();
        uncommitted = true;
    }

    /** Updates the index a moment after a change that concerns it (debounced, at most once a second). */
    private void scheduleUpdate() {
        if (updatePending.compareAndSet(false, true)) {
            long delay = Math.max(debounceMillis, lastUpdateStart + MIN_UPDATE_INTERVAL_MILLIS - System.nanoTime() / 1_000_000);
            try {
                worker.schedule(() -> {
                    updatePending.set(false);
                    lastUpdateStart = System.nanoTime() / 1_000_000;
                    catchUp();
                }, delay, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                updatePending.set(false);
            }
        }
    }

    /**
     * Brings the index from its checkpoint to the repository's current state: only the documents affected by the
     * paths changed in between when the source can tell which, else a full rebuild.
     */
    private synchronized void catchUp() {
        if (appliedCheckpoint == null) {
            rebuild();
            return;
        }
        String next = null;
        try {
            next = newCheckpoint();
            Optional<Checkpoints.Changes> changed = checkpoints.changedSince(appliedCheckpoint, next,
                    MAX_INCREMENTAL_PATHS);
            if (changed.isEmpty() || !changed.get().complete()) {
                if (changed.isEmpty()) {
                    LOG.info("Search index '{}': its checkpoint has expired; rebuilding it", name);
                }
                checkpoints.release(next);
                next = null;
                rebuild(); // a bulk change (import, benchmark) or a long absence: one pass over the repository
                return;
            }
            Set<String> paths = new TreeSet<>();
            changed.get().paths().stream().filter(path -> path.equals("/") || source.concerns(path)).forEach(paths::add);
            if (!paths.isEmpty() && !update(paths)) {
                checkpoints.release(next);
                next = null;
                rebuild();
                return;
            }
            applied(next);
            next = null;
            current = true;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Updating search index '{}' failed; rebuilding it", name, e);
            if (next != null) {
                checkpoints.release(next);
            }
            scheduleRebuild();
        }
    }

    /** Replaces the documents affected by {@code paths}; {@code false} when the source cannot tell which they are. */
    private boolean update(Set<String> paths) throws IOException {
        if (source.idField() == null) {
            return false;
        }
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
            return false;
        }
        if (ids.isEmpty()) {
            return true;
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
        searcherManager.maybeRefreshBlocking(); // near real time: searchers see the writer's changes
        return true;
    }

    /** Renews a checkpoint past half its lifetime (a quiet repository), then commits what is not yet committed. */
    private synchronized void renewAndCommit() {
        if (appliedCheckpoint != null && System.nanoTime() - appliedAtNanos > CHECKPOINT_LIFETIME.toNanos() / 2) {
            catchUp();
        }
        commitUpdates();
    }

    /** Commits the updates made since the last commit, if any, with the checkpoint they reflect. */
    private synchronized void commitUpdates() {
        if (!uncommitted) {
            return;
        }
        try {
            writer.setLiveCommitData(Map.of(CHECKPOINT_KEY, appliedCheckpoint, BUILT_BY_KEY, builtBy).entrySet());
            writer.commit();
            uncommitted = false;
            if (committedCheckpoint != null && !committedCheckpoint.equals(appliedCheckpoint)) {
                checkpoints.release(committedCheckpoint);
            }
            committedCheckpoint = appliedCheckpoint;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Committing search index '{}' failed; retrying later", name, e);
        }
    }

    /**
     * Brings the index up to date with the repository now, on the calling thread (waiting for an update or rebuild in
     * progress): for a list that must show a change its reader has just made. Takes a checkpoint: call it when the
     * repository has changed, not at every read.
     */
    public void catchUpNow() {
        catchUp();
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
                lastRebuild, lastRebuildMillis, lastError, current);
    }

    @Override
    public void close() {
        changes.close();
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
            commitUpdates(); // its checkpoint stays in the repository for the next start
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
