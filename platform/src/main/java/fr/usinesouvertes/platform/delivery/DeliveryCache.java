package fr.usinesouvertes.platform.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The Delivery API's answers by request (endpoint, path, query string and language), emptied whenever
 * the repository or the definitions change. Bounded in entries and in bytes (the platform must stay
 * small in memory): when full it is emptied rather than evicting one by one, which keeps it lock-free
 * and is rare with a site's number of distinct requests.
 */
final class DeliveryCache {

    private final int capacity;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private final Map<String, CachedAnswer> answers = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    DeliveryCache(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /**
     * The cached answer for {@code key}, or a fresh one from {@code compute}. A fresh answer is kept only
     * if nothing changed while it was computed, so a stale answer never outlives a change. Failures
     * (exceptions) are never cached.
     */
    CachedAnswer get(String key, Supplier<CachedAnswer> compute) {
        CachedAnswer cached = answers.get(key);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        CachedAnswer fresh = compute.get();
        if (fresh.body().length > maxBytes / 4) {
            return fresh; // one huge answer must not push out everything else
        }
        if (answers.size() >= capacity || bytes.get() + fresh.body().length > maxBytes) {
            answers.clear();
            bytes.set(0);
        }
        if (generation.get() == before) {
            answers.put(key, fresh);
            bytes.addAndGet(fresh.body().length);
            if (generation.get() != before) {
                answers.remove(key, fresh); // a change raced with the put
            }
        }
        return fresh;
    }

    void clear() {
        generation.incrementAndGet();
        answers.clear();
        bytes.set(0);
    }

    int size() {
        return answers.size();
    }
}
