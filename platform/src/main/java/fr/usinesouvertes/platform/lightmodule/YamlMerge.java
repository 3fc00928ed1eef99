package fr.usinesouvertes.platform.lightmodule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Magnolia's merge of YAML definitions, used by {@code !include} with extra keys, {@code !inherit} and
 * decorations: maps are deep-merged with the child winning; lists are concatenated, except that when
 * every item on both sides is a map with a {@code name}, items of the same name are merged (child
 * winning) instead of repeated; a value marked {@code !override} replaces the parent's value whole.
 */
final class YamlMerge {

    /** A value written with the {@code !override} tag. */
    record Override(Object value) {
    }

    private YamlMerge() {
    }

    static Object merge(Object parent, Object child) {
        if (child instanceof Override override) {
            return strip(override.value());
        }
        if (parent instanceof Map<?, ?> parentMap && child instanceof Map<?, ?> childMap) {
            Map<String, Object> result = new LinkedHashMap<>();
            parentMap.forEach((k, v) -> result.put(String.valueOf(k), strip(v)));
            childMap.forEach((k, v) -> {
                String key = String.valueOf(k);
                result.put(key, result.containsKey(key) ? merge(result.get(key), v) : strip(v));
            });
            return result;
        }
        if (parent instanceof List<?> parentList && child instanceof List<?> childList) {
            return mergeLists(parentList, childList);
        }
        return strip(child);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> mergeMaps(Map<String, Object> parent, Map<String, Object> child) {
        return (Map<String, Object>) merge(parent, child);
    }

    private static List<Object> mergeLists(List<?> parent, List<?> child) {
        List<Object> result = new ArrayList<>();
        parent.forEach(item -> result.add(strip(item)));
        boolean named = allNamed(parent) && allNamed(child);
        for (Object item : child) {
            int same = named ? indexOfName(result, ((Map<?, ?>) strip(item)).get("name")) : -1;
            if (same >= 0) {
                result.set(same, merge(result.get(same), item));
            } else {
                result.add(strip(item));
            }
        }
        return result;
    }

    private static boolean allNamed(List<?> items) {
        return items.stream().map(YamlMerge::strip)
                .allMatch(i -> i instanceof Map<?, ?> map && map.get("name") != null);
    }

    private static int indexOfName(List<Object> items, Object name) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof Map<?, ?> map && Objects.equals(map.get("name"), name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value without {@code !override} markers, as plain maps and lists. */
    static Object strip(Object value) {
        if (value instanceof Override override) {
            return strip(override.value());
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            map.forEach((k, v) -> result.put(String.valueOf(k), strip(v)));
            return result;
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(strip(item)));
            return result;
        }
        return value;
    }
}
