package fr.usinesouvertes.platform.delivery;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Delivery API's answers by request (endpoint, path, query string and language), emptied whenever
 * the repository or the definitions change. Bounded in entries and in bytes (the platform must stay
 * small in memory) by one Caffeine weight: an answer weighs its bytes, and at least a {@code capacity}-th of
 * the byte budget, so that neither more than {@code capacity} answers nor more than {@code maxBytes} bytes are
 * kept; when full, the least useful answers leave one by one.
 */
final class DeliveryCache {

    private final long maxBytes;
    private final Cache<String, CachedAnswer> answers;
    private final AtomicLong generation = new AtomicLong();

    DeliveryCache(int capacity, long maxBytes) {
        this.maxBytes = maxBytes;
        int leastWeight = (int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / capacity));
        this.answers = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String key, CachedAnswer answer) -> Math.max(leastWeight, answer.body().length))
                .recordStats()
                .build();
    }

    /**
     * The cached answer for {@code key}, or a fresh one from {@code compute}. A fresh answer is kept only
     * if nothing changed while it was computed, so a stale answer never outlives a change. Failures
     * (exceptions) are never cached.
     */
    CachedAnswer get(String key, Supplier<CachedAnswer> compute) {
        CachedAnswer cached = answers.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        CachedAnswer fresh = compute.get();
        if (fresh.body().length > maxBytes / 4) {
            return fresh; // one huge answer must not push out everything else
        }
        if (generation.get() == before) {
            answers.put(key, fresh);
            if (generation.get() != before) {
                answers.asMap().remove(key, fresh); // a change raced with the put
            }
        }
        return fresh;
    }

    /** Reports the cache's size, hits, misses and evictions to {@code meters} under {@code name}. */
    void monitor(io.micrometer.core.instrument.MeterRegistry meters, String name) {
        io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics.monitor(meters, answers, name);
    }

    void clear() {
        generation.incrementAndGet();
        answers.invalidateAll();
    }

    /** How many answers are kept, once pending evictions are done. */
    int size() {
        answers.cleanUp();
        return (int) answers.estimatedSize();
    }
}
