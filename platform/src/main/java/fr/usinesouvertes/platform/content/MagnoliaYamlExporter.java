package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import javax.jcr.nodetype.NodeType;

/**
 * Writes a subtree in Magnolia's YAML export format, the format {@link MagnoliaYamlImporter} reads:
 * quoted keys and strings, each node with {@code jcr:primaryType}, then {@code jcr:uuid} and
 * {@code jcr:mixinTypes} when it has them, then its other properties sorted by name (stable diffs),
 * then its children in their order. Long, Double, Boolean and Date values are written as plain YAML
 * numbers, booleans and timestamps (with their offset), binaries as {@code !!binary}; other types
 * (Decimal, Name, Path, Reference, WeakReference, URI) as strings tagged with their type as Magnolia does
 * ({@code !weakreference '9d2f…'}), which is how they come back on import.
 *
 * <p>Protected properties maintained by the repository ({@code jcr:created}, {@code rep:*}, ...) and
 * protected child nodes (access-control policies) are left out: they cannot be imported anyway.
 */
public final class MagnoliaYamlExporter {

    private static final String INDENT = "  ";
    private final ContentRepository repository;

    public MagnoliaYamlExporter(ContentRepository repository) {
        this.repository = repository;
    }

    /** The file name Magnolia gives an export of {@code path} in {@code workspace}. */
    public static String fileName(String workspace, String path) {
        return ContentFileName.of(workspace, path).toString();
    }

    /**
     * The YAML of the node at {@code path} of {@code workspace} with its subtree; for {@code /}, every
     * top-level node of the workspace. Throws {@link ContentExportException} if there is no such node.
     */
    public String export(String workspace, String path) {
        String jcrPath;
        try {
            jcrPath = repository.workspaces().toJcrPath(workspace, path);
        } catch (IllegalArgumentException e) {
            throw new ContentExportException(e.getMessage());
        }
        return repository.read(session -> {
            if (!session.nodeExists(jcrPath)) {
                throw new ContentExportException("No node '" + path + "' in workspace '" + workspace + "'");
            }
            return export(session, session.getNode(jcrPath), jcrPath.equals("/" + workspace));
        });
    }

    private static String export(Session session, Node node, boolean wholeWorkspace) throws RepositoryException {
        StringBuilder yaml = new StringBuilder();
        if (wholeWorkspace) {
            for (Node child : exportableChildren(node)) {
                writeNode(yaml, child, 0);
            }
        } else {
            writeNode(yaml, node, 0);
        }
        return yaml.toString();
    }

    private static void writeNode(StringBuilder yaml, Node node, int depth) throws RepositoryException {
        String indent = INDENT.repeat(depth);
        String inner = INDENT.repeat(depth + 1);
        yaml.append(indent).append(YamlScalars.quoted(node.getName())).append(":\n");
        yaml.append(inner).append("'jcr:primaryType': ").append(YamlScalars.quoted(node.getPrimaryNodeType().getName()))
                .append('\n');
        if (node.isNodeType("mix:referenceable")) {
            yaml.append(inner).append("'jcr:uuid': ").append(YamlScalars.quoted(node.getIdentifier())).append('\n');
        }
        NodeType[] mixins = node.getMixinNodeTypes();
        if (mixins.length > 0) {
            yaml.append(inner).append("'jcr:mixinTypes':\n");
            for (NodeType mixin : mixins) {
                yaml.append(inner).append("- ").append(YamlScalars.quoted(mixin.getName())).append('\n');
            }
        }
        for (Property property : exportableProperties(node)) {
            writeProperty(yaml, property, inner);
        }
        for (Node child : exportableChildren(node)) {
            writeNode(yaml, child, depth + 1);
        }
    }

    private static List<Property> exportableProperties(Node node) throws RepositoryException {
        List<Property> properties = new ArrayList<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (!property.getDefinition().isProtected()) {
                properties.add(property);
            }
        }
        properties.sort((a, b) -> name(a).compareTo(name(b)));
        return properties;
    }

    private static List<Node> exportableChildren(Node node) throws RepositoryException {
        List<Node> children = new ArrayList<>();
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (!child.getDefinition().isProtected()) {
                children.add(child);
            }
        }
        return children;
    }

    private static void writeProperty(StringBuilder yaml, Property property, String indent) throws RepositoryException {
        yaml.append(indent).append(YamlScalars.quoted(property.getName())).append(':');
        if (!property.isMultiple()) {
            yaml.append(' ').append(scalar(property.getValue())).append('\n');
            return;
        }
        Value[] values = property.getValues();
        if (values.length == 0) {
            yaml.append(" []\n");
            return;
        }
        yaml.append('\n');
        for (Value value : values) {
            yaml.append(indent).append("- ").append(scalar(value)).append('\n');
        }
    }

    private static String scalar(Value value) throws RepositoryException {
        return switch (value.getType()) {
            case PropertyType.LONG -> Long.toString(value.getLong());
            case PropertyType.DOUBLE -> YamlScalars.decimal(value.getDouble());
            case PropertyType.BOOLEAN -> Boolean.toString(value.getBoolean());
            case PropertyType.DATE -> YamlScalars.timestamp(value.getDate());
            case PropertyType.BINARY -> "!!binary " + YamlScalars.quoted(base64(value.getBinary()));
            case PropertyType.STRING -> YamlScalars.quoted(value.getString());
            // Decimal, Name, Path, Reference, WeakReference, URI: Magnolia's tag for the type, read back as that type
            default -> TypedValue.tagOf(PropertyType.nameFromValue(value.getType())) + " "
                    + YamlScalars.quoted(value.getString());
        };
    }

    private static String base64(Binary binary) throws RepositoryException {
        try (InputStream in = binary.getStream()) {
            return Base64.getEncoder().encodeToString(in.readAllBytes());
        } catch (IOException e) {
            throw new RepositoryException("Cannot read a binary value: " + e.getMessage(), e);
        } finally {
            binary.dispose();
        }
    }

    private static String name(Property property) {
        try {
            return property.getName();
        } catch (RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
