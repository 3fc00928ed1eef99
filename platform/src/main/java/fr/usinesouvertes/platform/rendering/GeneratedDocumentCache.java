package fr.usinesouvertes.platform.rendering;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The last generated body of a document built from the whole published content ({@code sitemap.xml}),
 * with its ETag, per key (the public base URL), kept until {@link #invalidate()} (a repository or
 * definition change) and for at most {@code maxAge}, since module sources may also depend on the clock
 * (the current edition).
 */
final class GeneratedDocumentCache {

    /** One cached body; {@code generation} is the change count it was computed from. */
    record Document(byte[] body, String etag, long generation, long createdNanos) {
    }

    /** A request's {@code Host} may vary when no public URL is set: at most this many keys are kept. */
    static final int MAX_KEYS = 16;

    private final Duration maxAge;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong generated = new AtomicLong();
    private final Cache<String, Document> documents = Caffeine.newBuilder().maximumSize(MAX_KEYS).build();

    GeneratedDocumentCache(Duration maxAge) {
        this(maxAge, System::nanoTime);
    }

    GeneratedDocumentCache(Duration maxAge, LongSupplier nanoTime) {
        this.maxAge = maxAge;
        this.nanoTime = nanoTime;
    }

    /** Forgets every body: the content they were made from changed. */
    void invalidate() {
        generation.incrementAndGet();
        documents.invalidateAll();
    }

    /**
     * The cached document of {@code key}, or a new one from {@code generate}. A body generated while a
     * change happens is answered but counts as already stale, so the next request generates it again.
     */
    Document get(String key, Supplier<byte[]> generate) {
        long now = nanoTime.getAsLong();
        long current = generation.get();
        Document cached = documents.getIfPresent(key);
        if (cached != null && cached.generation() == current && now - cached.createdNanos() < maxAge.toNanos()) {
            return cached;
        }
        byte[] body = generate.get();
        generated.incrementAndGet();
        Document fresh = new Document(body, HttpCaching.etagOf(body), current, now);
        documents.put(key, fresh);
        return fresh;
    }

    /** How many bodies were generated (cache misses) since the start. */
    long generatedCount() {
        return generated.get();
    }
}
