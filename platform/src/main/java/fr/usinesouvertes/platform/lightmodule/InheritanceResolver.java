package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gives each definition its final YAML: its parent's ({@code !inherit:<module>:<path>}, same type, resolved
 * first) merged with its own, then the decorations aimed at it. Decorations are applied before children
 * inherit, so a definition inheriting a decorated one sees the decoration, as on Magnolia where
 * {@code !inherit} reads the registered (decorated) definition. A definition whose parent is unknown,
 * did not load or forms a cycle is reported and left out.
 */
final class InheritanceResolver {

    private static final String INHERIT = "!inherit:";

    private final Map<String, ParsedDefinition> parsed;
    private final Map<String, List<Decoration>> decorations = new LinkedHashMap<>();
    private final List<Problem> problems;
    private final Map<String, Map<String, Object>> resolved = new LinkedHashMap<>();
    private final Set<String> done = new LinkedHashSet<>();

    InheritanceResolver(Map<String, ParsedDefinition> parsed, List<Decoration> decorations, List<Problem> problems) {
        this.parsed = parsed;
        this.problems = problems;
        decorations.forEach(d -> this.decorations.computeIfAbsent(ParsedDefinition.key(d.type(), d.targetId()),
                k -> new ArrayList<>()).add(d));
    }

    /** Final YAML by {@link ParsedDefinition#key()}, in load order, only for definitions that resolved. */
    Map<String, Map<String, Object>> resolveAll() {
        parsed.values().forEach(definition -> resolve(definition, new LinkedHashSet<>()));
        decorations.forEach((key, list) -> {
            if (!parsed.containsKey(key)) {
                list.forEach(d -> problems.add(Problem.warning(d.source(), d.line(), d.targetId(),
                        "decoration of a missing definition: " + d.targetId())));
            }
        });
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        parsed.keySet().forEach(key -> {
            if (resolved.get(key) != null) {
                result.put(key, resolved.get(key));
            }
        });
        return result;
    }

    private Map<String, Object> resolve(ParsedDefinition definition, Set<String> chain) {
        String key = definition.key();
        if (done.contains(key)) {
            return resolved.get(key);
        }
        String directive = definition.document().directive();
        Map<String, Object> result;
        if (directive == null || !directive.startsWith(INHERIT)) {
            result = YamlMerge.mergeMaps(Map.of(), definition.document().root());
        } else {
            result = inherit(definition, directive.substring(INHERIT.length()).trim(), chain);
        }
        if (result != null) {
            result = decorate(key, result);
        }
        done.add(key);
        resolved.put(key, result);
        return result;
    }

    private Map<String, Object> inherit(ParsedDefinition definition, String parentId, Set<String> chain) {
        ParsedDefinition parent = parsed.get(ParsedDefinition.key(definition.type(), parentId));
        int line = definition.document().directiveLine();
        if (parent == null) {
            problems.add(Problem.error(definition.source(), line, definition.id(), "!inherit of an unknown "
                    + definition.type().folder() + " definition: " + parentId));
            return null;
        }
        if (chain.contains(parent.key()) || parent.key().equals(definition.key())) {
            List<String> ids = new ArrayList<>(chain.stream().map(k -> k.substring(k.indexOf('|') + 1)).toList());
            ids.add(definition.id());
            problems.add(Problem.error(definition.source(), line, definition.id(),
                    "!inherit cycle: " + String.join(" -> ", ids) + " -> " + parentId));
            return null;
        }
        chain.add(definition.key());
        Map<String, Object> parentYaml = resolve(parent, chain);
        chain.remove(definition.key());
        if (parentYaml == null) {
            problems.add(Problem.error(definition.source(), line, definition.id(),
                    "!inherit of a definition that did not load: " + parentId));
            return null;
        }
        return YamlMerge.mergeMaps(parentYaml, definition.document().root());
    }

    private Map<String, Object> decorate(String key, Map<String, Object> yaml) {
        Map<String, Object> result = yaml;
        for (Decoration decoration : decorations.getOrDefault(key, List.of())) {
            try {
                result = decoration.applyTo(result);
            } catch (IllegalArgumentException e) {
                problems.add(Problem.warning(decoration.source(), decoration.line(), decoration.targetId(),
                        "decoration not applied: " + e.getMessage()));
            }
        }
        return result;
    }
}
