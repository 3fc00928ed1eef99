package fr.usinesouvertes.platform.lightmodule;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a definition file with SnakeYAML's compose API, so that every node keeps its line, and turns it
 * into plain maps, lists and scalars while resolving Magnolia's directives: {@code !include:/<module>/<path>}
 * (as a map value or list item, with the keys written under it winning), the deprecated
 * {@code !include <path>} form, {@code !override} (kept as a {@link YamlMerge.Override} marker for the
 * merge), and the root-only {@code !inherit:} and {@code !content-type:} directives (returned to the caller).
 */
final class YamlReader {

    /** A file named by an {@code !include} path. */
    record IncludedFile(String source, String text) {
    }

    /** Finds the file an {@code !include} path ({@code /<module>/<path>}) names. */
    interface IncludeResolver {
        Optional<IncludedFile> resolve(String includePath) throws DefinitionException;
    }

    private static final String INCLUDE = "!include";
    private static final String OVERRIDE = "!override";
    private static final String INHERIT = "!inherit:";
    private static final String CONTENT_TYPE = "!content-type:";

    private final IncludeResolver includes;

    YamlReader(IncludeResolver includes) {
        this.includes = includes;
    }

    /** Reads a definition file; its root must be a map (an empty file is an empty map). */
    YamlDocument read(String source, String text) throws DefinitionException {
        Node root = compose(source, text);
        if (root == null) {
            return new YamlDocument(new LinkedHashMap<>(), null, 0, Map.of());
        }
        String directive = null;
        String tag = root.getTag().getValue();
        if (tag.startsWith(INHERIT) || tag.startsWith(CONTENT_TYPE)) {
            directive = tag;
        }
        Map<String, Integer> lines = new HashMap<>();
        Context context = new Context(source, lines, new ArrayDeque<>());
        Object value = directive == null ? convert(root, "", context)
                : root instanceof ScalarNode ? null : convertPlain(root, "", context);
        if (value == null) {
            value = new LinkedHashMap<String, Object>();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new DefinitionException(source, line(root), "a definition must be a YAML map, not a "
                    + (value instanceof List<?> ? "list" : "single value"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return new YamlDocument(map, directive, directive != null ? line(root) : 0, Map.copyOf(lines));
    }

    /** Reads a file that may hold any YAML value (an included fragment, a decoration of a list). */
    Object readValue(String source, String text) throws DefinitionException {
        return readValue(source, text, new Context(source, null, new ArrayDeque<>()));
    }

    private Object readValue(String source, String text, Context context) throws DefinitionException {
        Node root = compose(source, text);
        return root == null ? null : convert(root, "", context);
    }

    private static Node compose(String source, String text) throws DefinitionException {
        try {
            return new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String reason = (e.getContext() != null ? e.getContext() + ", " : "") + e.getProblem();
            throw new DefinitionException(source, mark == null ? 0 : mark.getLine() + 1, "invalid YAML: " + reason);
        } catch (YAMLException e) {
            throw new DefinitionException(source, 0, "invalid YAML: " + e.getMessage());
        }
    }

    private Object convert(Node node, String path, Context context) throws DefinitionException {
        String tag = node.getTag().getValue();
        if (tag.equals(INCLUDE) || tag.startsWith(INCLUDE + ":")) {
            return include(node, tag, path, context);
        }
        if (tag.equals(OVERRIDE)) {
            return new YamlMerge.Override(convertPlain(node, path, context));
        }
        if (tag.startsWith(INHERIT) || tag.startsWith(CONTENT_TYPE)) {
            throw new DefinitionException(context.source, line(node),
                    tag.substring(0, tag.indexOf(':')) + " is only allowed at the root of a definition");
        }
        if (tag.startsWith("!")) {
            throw new DefinitionException(context.source, line(node), "unknown YAML directive " + tag);
        }
        return convertPlain(node, path, context);
    }

    private Object convertPlain(Node node, String path, Context context) throws DefinitionException {
        if (node instanceof MappingNode mapping) {
            return convertMap(mapping, path, context);
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                String itemPath = join(path, String.valueOf(list.size()));
                context.recordLine(itemPath, item);
                list.add(convert(item, itemPath, context));
            }
            return list;
        }
        return scalar((ScalarNode) node);
    }

    private Map<String, Object> convertMap(MappingNode mapping, String path, Context context)
            throws DefinitionException {
        Map<String, Object> map = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (keyNode.getTag().equals(Tag.MERGE)) {
                mergeKey(map, convert(tuple.getValueNode(), path, context), context, keyNode);
                continue;
            }
            if (!(keyNode instanceof ScalarNode scalarKey)) {
                throw new DefinitionException(context.source, line(keyNode), "a key must be a plain value");
            }
            String key = scalarKey.getValue();
            String keyPath = join(path, key);
            context.recordLine(keyPath, keyNode);
            map.put(key, convert(tuple.getValueNode(), keyPath, context));
        }
        return map;
    }

    /** YAML's {@code <<: *anchor}: the anchored map's keys, unless written in this map too. */
    private static void mergeKey(Map<String, Object> map, Object merged, Context context, Node keyNode)
            throws DefinitionException {
        List<Object> sources = merged instanceof List<?> list ? new ArrayList<>(list) : List.of(merged);
        for (Object source : sources) {
            if (!(source instanceof Map<?, ?> sourceMap)) {
                throw new DefinitionException(context.source, line(keyNode), "<< must name a map");
            }
            sourceMap.forEach((k, v) -> map.putIfAbsent(String.valueOf(k), v));
        }
    }

    private Object include(Node node, String tag, String path, Context context) throws DefinitionException {
        String target = tag.startsWith(INCLUDE + ":") ? tag.substring(INCLUDE.length() + 1)
                : node instanceof ScalarNode scalar ? scalar.getValue().trim() : "";
        if (target.isEmpty()) {
            throw new DefinitionException(context.source, line(node), "!include without a file path");
        }
        if (context.stack.contains(target)) {
            throw new DefinitionException(context.source, line(node),
                    "include cycle: " + String.join(" -> ", context.stack) + " -> " + target);
        }
        IncludedFile file = includes.resolve(target).orElseThrow(() -> new DefinitionException(
                context.source, line(node), "included file not found: " + target));
        context.stack.addLast(target);
        Object included;
        try {
            included = readValue(file.source(), file.text(), new Context(file.source(), null, context.stack));
        } finally {
            context.stack.removeLast();
        }
        boolean hasOwnKeys = tag.startsWith(INCLUDE + ":") && !(node instanceof ScalarNode);
        if (!hasOwnKeys) {
            return included;
        }
        Object own = convertPlain(node, path, context);
        if (included != null && own instanceof Map<?, ?> && !(included instanceof Map<?, ?>)) {
            throw new DefinitionException(context.source, line(node),
                    "keys under !include need the included file to be a map: " + target);
        }
        return included == null ? YamlMerge.strip(own) : YamlMerge.merge(included, own);
    }

    private static Object scalar(ScalarNode node) {
        String value = node.getValue();
        Tag tag = node.getTag();
        try {
            if (tag.equals(Tag.NULL)) {
                return null;
            }
            if (tag.equals(Tag.BOOL)) {
                String lower = value.toLowerCase(java.util.Locale.ROOT);
                return lower.equals("true") || lower.equals("yes") || lower.equals("on") || lower.equals("y");
            }
            if (tag.equals(Tag.INT)) {
                BigInteger number = parseInteger(value.replace("_", ""));
                return number.bitLength() < 32 ? (Object) number.intValue()
                        : number.bitLength() < 64 ? (Object) number.longValue() : number;
            }
            if (tag.equals(Tag.FLOAT)) {
                return Double.parseDouble(value.replace("_", ""));
            }
        } catch (NumberFormatException e) {
            return value; // sexagesimal and other YAML 1.1 oddities stay text
        }
        return value;
    }

    private static BigInteger parseInteger(String value) {
        String sign = value.startsWith("-") ? "-" : "";
        String digits = value.startsWith("-") || value.startsWith("+") ? value.substring(1) : value;
        if (digits.startsWith("0x")) {
            return new BigInteger(sign + digits.substring(2), 16);
        }
        if (digits.startsWith("0b")) {
            return new BigInteger(sign + digits.substring(2), 2);
        }
        if (digits.length() > 1 && digits.startsWith("0")) {
            return new BigInteger(sign + digits.substring(1), 8);
        }
        return new BigInteger(sign + digits);
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /** Where conversion is: the file (for problems), its line table (none inside an include), the include chain. */
    private record Context(String source, Map<String, Integer> lines, Deque<String> stack) {
        void recordLine(String path, Node node) {
            if (lines != null) {
                lines.putIfAbsent(path, line(node));
            }
        }
    }
}
