package fr.usinesouvertes.events.directory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used cache of directory views; keys carry the index version, so entries of an
 * older index are never read again and age out. Two threads may compute the same view at once: both
 * answers are equal, and computing outside the lock keeps a slow search from blocking the others.
 */
final class ViewCache {

    private final Map<String, Map<String, Object>> entries;

    ViewCache(int capacity) {
        this.entries = new LinkedHashMap<>(capacity, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Map<String, Object>> eldest) {
                return size() > capacity;
            }
        };
    }

    Map<String, Object> computeIfAbsent(String key, Function<String, Map<String, Object>> compute) {
        synchronized (entries) {
            Map<String, Object> cached = entries.get(key);
            if (cached != null) {
                return cached;
            }
        }
        Map<String, Object> computed = compute.apply(key);
        synchronized (entries) {
            entries.put(key, computed);
        }
        return computed;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
