package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.annotation.PluginApi;
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
 * A node seen by templates as a map, like Magnolia's ContentMap: properties by name, child nodes by name,
 * and the special keys {@code @name}, {@code @id}, {@code @uuid}, {@code @path} (path inside the
 * workspace), {@code @nodeType}, {@code @depth}. Dates come out as {@link java.util.Date}, multi-valued
 * properties as lists. In a language other than French, {@code title} reads {@code title_<lang>} when
 * that property exists (Magnolia's i18n content support: {@code wrapForI18n} is always applied).
 *
 * <p>A {@linkplain #decoded() decoded} map returns its text properties as HTML markup sanitised with
 * jsoup's relaxed safelist, so rich text is output unescaped but never as arbitrary HTML.
 */
@PluginApi
public final class ContentMap extends AbstractMap<String, Object> {

    private static final Pattern SIMPLE_NAME = Pattern.compile("[^/\\[\\]|*]+");

    private final Node node;
    private final RenderContext context;
    private final boolean decoded;
    private final List<Node> fallbacks;

    ContentMap(Node node, RenderContext context) {
        this(node, context, false, List.of());
    }

    private ContentMap(Node node, RenderContext context, boolean decoded, List<Node> fallbacks) {
        this.node = node;
        this.context = context;
        this.decoded = decoded;
        this.fallbacks = fallbacks;
    }

    public Node getJCRNode() {
        return node;
    }

    RenderContext context() {
        return context;
    }

    /** The same content whose text properties are sanitised HTML markup (see {@code cmsfn.decode}). */
    public ContentMap decoded() {
        return new ContentMap(node, context, true, fallbacks);
    }

    /** The same content reading missing properties and children from the given nodes, nearest first. */
    ContentMap withFallbacks(List<Node> nodes) {
        return new ContentMap(node, context, decoded, List.copyOf(nodes));
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
            return new ContentMap(from.getNode(name), context, decoded, List.of());
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
            default -> decoded ? sanitised(context.richText(), value.getString()) : value.getString();
        };
    }

    static Object sanitised(RichTextSanitizer richText, String html) {
        try {
            return HTMLOutputFormat.INSTANCE.fromMarkup(richText.clean(html));
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
                all.putIfAbsent(child.getName(), new ContentMap(child, context, decoded, List.of()));
            }
        } catch (RepositoryException e) {
            throw new fr.usinesouvertes.platform.repository.RepositoryException("Cannot read " + this, e);
        }
        return all.entrySet();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ContentMap map && path().equals(map.path());
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
