package fr.usinesouvertes.platform.lightmodule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Typed reads of the plain maps that YAML definitions become; wrong types read as absent. */
final class Values {

    private Values() {
    }

    static String string(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null || value instanceof Map<?, ?> || value instanceof List<?> ? null : String.valueOf(value);
    }

    static String string(Map<String, Object> map, String key, String fallback) {
        String value = string(map, key);
        return value != null ? value : fallback;
    }

    static boolean bool(Map<String, Object> map, String key, boolean fallback) {
        Object value = map.get(key);
        if (value instanceof Boolean b) {
            return b;
        }
        return value instanceof String s ? Boolean.parseBoolean(s.trim()) : fallback;
    }

    static Integer integer(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static int integer(Map<String, Object> map, String key, int fallback) {
        Integer value = integer(map, key);
        return value != null ? value : fallback;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static List<Object> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    /** A list of strings, also accepting a single value. */
    static List<String> strings(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof List<?> l) {
            return l.stream().filter(v -> v != null && !(v instanceof Map<?, ?>)).map(String::valueOf).toList();
        }
        if (value instanceof Map<?, ?> m) {
            return m.values().stream().filter(v -> v != null && !(v instanceof Map<?, ?>)).map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }

    /**
     * Named items written either as a map keyed by name or as a list of maps with a {@code name} key
     * (Magnolia accepts both); the name is put into each item. Items that are not maps are skipped.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> named(Object value) {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                Map<String, Object> item = v instanceof Map<?, ?> vm ? new LinkedHashMap<>((Map<String, Object>) vm)
                        : new LinkedHashMap<>();
                item.putIfAbsent("name", String.valueOf(k));
                result.put(String.valueOf(item.get("name")), item);
            });
        } else if (value instanceof List<?> l) {
            for (Object v : l) {
                if (v instanceof Map<?, ?> vm && vm.get("name") != null) {
                    Map<String, Object> item = new LinkedHashMap<>((Map<String, Object>) vm);
                    result.put(String.valueOf(item.get("name")), item);
                } else if (v instanceof String s) {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("name", s);
                    result.put(s, item);
                }
            }
        }
        return result;
    }
}
