package fr.usinesouvertes.platform.lightmodule;

import java.util.List;
import java.util.Map;

/** Reports every {@code class}, {@code modelClass} and {@code $type} of a definition the platform does not implement. */
final class UnsupportedClassScanner {

    private UnsupportedClassScanner() {
    }

    static void scan(Object value, String path, DefinitionContext context) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                String key = String.valueOf(k);
                String keyPath = path.isEmpty() ? key : path + "." + key;
                if (v instanceof String name && isUnsupported(key, name)) {
                    context.warning(keyPath, "unsupported: " + name);
                }
                scan(v, keyPath, context);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                scan(list.get(i), path.isEmpty() ? String.valueOf(i) : path + "." + i, context);
            }
        }
    }

    static boolean isUnsupported(String key, String name) {
        return switch (key) {
            case "class", "modelClass", "generatorClass" -> !SupportedClasses.isSupportedClass(name);
            case "$type" -> !SupportedClasses.isSupportedType(name);
            default -> false;
        };
    }
}
