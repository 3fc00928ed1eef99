package fr.usinesouvertes.events.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache for directory views and rendered fragments; keys carry the index
 * version, so entries of an older index are never read again and age out. Two threads may compute the
 * same entry at once: both results are equal, and computing outside the lock keeps a slow search from
 * blocking the others.
 */
final class LruCache<V> {

    private final Map<String, V> entries;

    LruCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(String key) {
        synchronized (entries) {
            return entries.get(key);
        }
    }

    void put(String key, V value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    V computeIfAbsent(String key, Function<String, V> compute) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        V computed = compute.apply(key);
        put(key, computed);
        return computed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
