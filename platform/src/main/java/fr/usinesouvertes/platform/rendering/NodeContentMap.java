package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.module.ContentMap;
import fr.usinesouvertes.platform.publishing.ContentStage;
import freemarker.core.HTMLOutputFormat;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/**
 * The {@link ContentMap} of a node read while a page renders: properties and children in the request's
 * language, optionally {@linkplain #decoded() decoded} with the site's rich-text safelist, and, for
 * {@code cmsfn.inherit}, falling back to the nodes it inherits from.
 */
public final class NodeContentMap extends AbstractMap<String, Object> implements ContentMap {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[^/\\[\\]|*]+");

    private final Node node;
    private final RenderContext context;
    private final boolean decoded;
    private final List<Node> fallbacks;

    NodeContentMap(Node node, RenderContext context) {
        this(node, context, false, List.of());
    }

    private NodeContentMap(Node node, RenderContext context, boolean decoded, List<Node> fallbacks) {
        this.node = node;
        this.context = context;
        this.decoded = decoded;
        this.fallbacks = fallbacks;
    }

    @Override
    public Node getJCRNode() {
        return node;
    }

    RenderContext context() {
        return context;
    }

    /** The same content whose text properties are sanitised HTML markup (see {@code cmsfn.decode}). */
    @Override
    public NodeContentMap decoded() {
        return new NodeContentMap(node, context, true, fallbacks);
    }

    /** The same content reading missing properties and children from the given nodes, nearest first. */
    NodeContentMap withFallbacks(List<Node> nodes) {
        return new NodeContentMap(node, context, decoded, List.copyOf(nodes));
    }

    @Override
    public Object get(Object key) {
        if (!(key instanceof String name) || name.isEmpty()) {
            return null;
        }
        try {
            if (name.charAt(0) == '@') {
                return special(name);
            }
            if (!SIMPLE_NAME.matcher(name).matches()) {
                return null;
            }
            Object value = read(node, name);
            for (int i = 0; value == null && i < fallbacks.size(); i++) {
                value = read(fallbacks.get(i), name);
            }
            return value;
        } catch (RepositoryException | IllegalArgumentException e) {
            return null;
        }
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    private Object read(Node from, String name) throws RepositoryException {
        for (String suffix : context.languages().suffixes(context.language())) {
            String localized = name + "_" + suffix;
            if (from.hasProperty(localized)) {
                return convert(from.getProperty(localized));
            }
        }
        if (from.hasProperty(name)) {
            return convert(from.getProperty(name));
        }
        if (from.hasNode(name)) {
            return new NodeContentMap(from.getNode(name), context, decoded, List.of());
        }
        return null;
    }

    private Object special(String name) throws RepositoryException {
        return switch (name) {
            case "@name" -> ContentStage.depth(node) <= 1 ? "" : node.getName();
            case "@id", "@uuid" -> ContentStage.identifier(node);
            case "@path" -> context.workspaces().toWorkspacePath(node.getPath());
            case "@nodeType" -> node.getPrimaryNodeType().getName();
            case "@depth" -> Math.max(0, ContentStage.depth(node) - 1);
            case "@workspace" -> context.workspaces().workspaceOf(node.getPath());
            default -> null;
        };
    }

    private Object convert(Property property) throws RepositoryException {
        if (property.isMultiple()) {
            List<Object> values = new ArrayList<>();
            for (Value value : property.getValues()) {
                values.add(convert(value));
            }
            return Collections.unmodifiableList(values);
        }
        return convert(property.getValue());
    }

    private Object convert(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.BOOLEAN -> value.getBoolean();
            case PropertyType.LONG -> value.getLong();
            case PropertyType.DOUBLE -> value.getDouble();
            case PropertyType.DECIMAL -> value.getDecimal();
            case PropertyType.DATE -> value.getDate().getTime();
            case PropertyType.BINARY -> null;
            default -> decoded ? sanitised(context, value.getString()) : value.getString();
        };
    }

    /** Rich text cleaned by the allow-list, its links to pages written from the pages' current addresses. */
    static Object sanitised(RenderContext context, String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(RichTextPageLinks.refresh(context.richText().clean(html),
                    context::pageAddress));
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        Map<String, Object> all = new LinkedHashMap<>();
        try {
            for (String special : List.of("@name", "@id", "@path", "@nodeType", "@depth")) {
                all.put(special, special(special));
            }
            for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
                Property property = it.nextProperty();
                Object value = get(property.getName());
                if (value != null) {
                    all.put(property.getName(), value);
                }
            }
            for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
                Node child = it.nextNode();
                all.putIfAbsent(child.getName(), new NodeContentMap(child, context, decoded, List.of()));
            }
        } catch (RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot read " + this, e);
        }
        return all.entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NodeContentMap map && path().equals(map.path());
    }

    @Override
    public int hashCode() {
        return path().hashCode();
    }

    String path() {
        try {
            return node.getPath();
        } catch (RepositoryException e) {
            return "?";
        }
    }

    @Override
    public String toString() {
        return "ContentMap[" + path() + "]";
    }
}
