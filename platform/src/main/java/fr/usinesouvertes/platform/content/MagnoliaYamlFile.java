package fr.usinesouvertes.platform.content;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
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
 * A parsed content file in Magnolia's YAML export format: where it goes and its top-level nodes, each a
 * map of properties (scalars and lists) and child nodes (maps), in file order.
 *
 * <p>Keys are always names, so an unquoted {@code 00:} stays the component name {@code 00} rather than
 * the number 0. YAML timestamps keep their UTC offset (they become {@link Calendar}s). The tags Magnolia's exports
 * give values of other JCR types ({@code !weakreference}, {@code !reference}, {@code !path}, {@code !name},
 * {@code !uri}, {@code !decimal}) become {@link TypedValue}s; any other tag is refused.
 */
public record MagnoliaYamlFile(ContentFileName name, String parentPath, Map<String, Object> nodes) {

    private static final int MAX_CODE_POINTS = 256 * 1024 * 1024;

    public static MagnoliaYamlFile parse(String fileName, String text) {
        ContentFileName name = ContentFileName.parse(fileName);
        Map<String, Object> nodes = readTopLevel(fileName, text);
        return new MagnoliaYamlFile(name, name.parentPathFor(new ArrayList<>(nodes.keySet())), nodes);
    }

    public String workspace() {
        return name.workspace();
    }

    /** Paths, inside the workspace, of the nodes the file creates at its top level. */
    public List<String> nodePaths() {
        String base = parentPath.equals("/") ? "" : parentPath;
        return nodes.keySet().stream().map(key -> base + "/" + key).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readTopLevel(String fileName, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(MAX_CODE_POINTS);
        ContentConstructor constructor = new ContentConstructor(options);
        try {
            Node root = new Yaml(constructor).compose(new StringReader(text));
            if (root == null) {
                throw new ContentImportException(fileName + ": the file is empty");
            }
            if (!(root instanceof MappingNode)) {
                throw new ContentImportException(at(fileName, root.getStartMark())
                        + ": the top level must be a map of node names");
            }
            keysAsNames(fileName, root);
            Object data = constructor.construct(root);
            Map<String, Object> nodes = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> entry : ((Map<Object, Object>) data).entrySet()) {
                if (!(entry.getValue() instanceof Map)) {
                    throw new ContentImportException(fileName + ": top-level entry '" + entry.getKey()
                            + "' is not a node (a map with 'jcr:primaryType')");
                }
                nodes.put((String) entry.getKey(), entry.getValue());
            }
            return nodes;
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw new ContentImportException(at(fileName, mark) + ": invalid YAML: " + firstLine(e.getProblem()
                    != null ? e.getProblem() : e.getMessage()), e);
        } catch (YAMLException e) {
            throw new ContentImportException(fileName + ": invalid YAML: " + firstLine(e.getMessage()), e);
        }
    }

    /** Makes every mapping key a string, whatever it looks like, and refuses keys that are lists or maps. */
    private static void keysAsNames(String fileName, Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    throw new ContentImportException(at(fileName, tuple.getKeyNode().getStartMark())
                            + ": a key must be a name, not a list or map");
                }
                if (!Tag.MERGE.equals(key.getTag())) { // '<<' keeps merging anchored maps, as YAML means
                    key.setTag(Tag.STR);
                }
                keysAsNames(fileName, tuple.getValueNode());
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> keysAsNames(fileName, item));
        }
    }

    private static String at(String fileName, Mark mark) {
        return mark == null ? fileName : fileName + ", line " + (mark.getLine() + 1);
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    /** SnakeYAML's safe constructor, keeping the offset of timestamps and constructing from a composed tree. */
    private static final class ContentConstructor extends SafeConstructor {

        ContentConstructor(LoaderOptions options) {
            super(options);
            TypedValue.TAGS.forEach((tag, type) -> this.yamlConstructors.put(new Tag(tag), new AbstractConstruct() {
                @Override
                public Object construct(Node node) {
                    if (!(node instanceof ScalarNode scalar)) {
                        throw new ContentImportException("line " + (node.getStartMark().getLine() + 1) + ": " + tag
                                + " must tag a single value");
                    }
                    return new TypedValue(type, scalar.getValue());
                }
            }));
            this.yamlConstructors.put(Tag.TIMESTAMP, new ConstructYamlTimestamp() {
                @Override
                public Object construct(Node node) {
                    Object date = super.construct(node);
                    Calendar calendar = getCalendar();
                    return calendar != null ? calendar.clone() : date;
                }
            });
        }

        Object construct(Node root) {
            return constructDocument(root);
        }
    }
}
