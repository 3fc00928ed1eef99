package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DefinitionType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A file {@code decorations/<targetModule>/<type>/<path>.yaml} patching another definition. The file name may
 * address a part of the target with dots: {@code home.areas.main.availableComponents.yaml} merges its content
 * into {@code areas.main.availableComponents} of {@code <targetModule>:pages/home}.
 */
record Decoration(String targetId, DefinitionType type, List<String> subPath, String source, int line, Object value) {

    /** The target of a decoration file (path relative to its module), or empty when it names no definition type. */
    static Optional<Target> target(String relativePath) {
        String[] parts = relativePath.split("/");
        if (parts.length < 4) {
            return Optional.empty();
        }
        Optional<DefinitionType> type = DefinitionType.ofFolder(parts[2]);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String file = parts[parts.length - 1].replaceFirst("\\.ya?ml$", "");
        String[] dotted = file.split("\\.");
        StringBuilder path = new StringBuilder();
        for (int i = 3; i < parts.length - 1; i++) {
            path.append(parts[i]).append('/');
        }
        path.append(dotted[0]);
        List<String> subPath = List.of(dotted).subList(1, dotted.length);
        return Optional.of(new Target(parts[1] + ":" + path, type.get(), subPath));
    }

    /** What a decoration file addresses. */
    record Target(String id, DefinitionType type, List<String> subPath) {
    }

    /** The definition with this decoration merged in (at its sub-path, created when missing). */
    Map<String, Object> applyTo(Map<String, Object> definition) {
        if (subPath.isEmpty()) {
            return value instanceof Map<?, ?> ? YamlMerge.mergeMaps(definition, asMap(value)) : definition;
        }
        Map<String, Object> result = YamlMerge.mergeMaps(definition, Map.of());
        Map<String, Object> container = result;
        for (String key : subPath.subList(0, subPath.size() - 1)) {
            container = child(container, key);
        }
        String last = subPath.get(subPath.size() - 1);
        container.put(last, container.containsKey(last) ? YamlMerge.merge(container.get(last), value)
                : YamlMerge.strip(value));
        return result;
    }

    /** The map under {@code key}, created when missing. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> container, String key) {
        Object current = container.get(key);
        if (current instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (current != null) {
            throw new IllegalArgumentException("'" + key + "' is not a map in the decorated definition");
        }
        Map<String, Object> created = new LinkedHashMap<>();
        container.put(key, created);
        return created;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }
}
