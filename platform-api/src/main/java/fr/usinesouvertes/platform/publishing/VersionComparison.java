package fr.usinesouvertes.platform.publishing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;

/** Lists the differences between two stored copies of a node: properties, then parts added or removed, recursively. */
final class VersionComparison {

    private VersionComparison() {
    }

    static List<VersionDifference> compare(Node before, Node after) throws RepositoryException {
        List<VersionDifference> differences = new ArrayList<>();
        compare(before, after, "/", differences);
        return differences;
    }

    /**
     * The differences from what the public sees ({@code live}, or {@code null} when never published) to the draft:
     * the draft's own content and parts, never its sub-units.
     */
    static List<VersionDifference> fromLive(Node live, Node draft) throws RepositoryException {
        List<VersionDifference> differences = new ArrayList<>();
        if (live != null) {
            compare(live, draft, "/", differences);
            return differences;
        }
        for (Map.Entry<String, String> property : properties(draft).entrySet()) {
            differences.add(new VersionDifference("/", property.getKey(), null, property.getValue(),
                    VersionDifference.Change.ADDED));
        }
        for (String name : parts(draft).keySet()) {
            differences.add(new VersionDifference("/" + name, null, null, null, VersionDifference.Change.NODE_ADDED));
        }
        return differences;
    }

    private static void compare(Node before, Node after, String path, List<VersionDifference> out)
            throws RepositoryException {
        Map<String, String> old = properties(before);
        Map<String, String> now = properties(after);
        Set<String> names = new LinkedHashSet<>(old.keySet());
        names.addAll(now.keySet());
        for (String name : names) {
            String a = old.get(name);
            String b = now.get(name);
            if (a == null) {
                out.add(new VersionDifference(path, name, null, b, VersionDifference.Change.ADDED));
            } else if (b == null) {
                out.add(new VersionDifference(path, name, a, null, VersionDifference.Change.REMOVED));
            } else if (!a.equals(b)) {
                out.add(new VersionDifference(path, name, a, b, VersionDifference.Change.CHANGED));
            }
        }
        Map<String, Node> oldParts = parts(before);
        Map<String, Node> newParts = parts(after);
        for (Map.Entry<String, Node> part : oldParts.entrySet()) {
            String partPath = (path.equals("/") ? "" : path) + "/" + part.getKey();
            Node newer = newParts.get(part.getKey());
            if (newer == null) {
                out.add(new VersionDifference(partPath, null, null, null, VersionDifference.Change.NODE_REMOVED));
            } else {
                compare(part.getValue(), newer, partPath, out);
            }
        }
        for (String name : newParts.keySet()) {
            if (!oldParts.containsKey(name)) {
                String partPath = (path.equals("/") ? "" : path) + "/" + name;
                out.add(new VersionDifference(partPath, null, null, null, VersionDifference.Change.NODE_ADDED));
            }
        }
    }

    private static Map<String, String> properties(Node node) throws RepositoryException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (NodeCopier.isContent(property)) {
                properties.put(property.getName(), text(property));
            }
        }
        return properties;
    }

    private static String text(Property property) throws RepositoryException {
        if (!property.isMultiple()) {
            return text(property.getValue());
        }
        List<String> values = new ArrayList<>();
        for (Value value : property.getValues()) {
            values.add(text(value));
        }
        return String.join(", ", values);
    }

    private static String text(Value value) throws RepositoryException {
        if (value.getType() == PropertyType.BINARY) {
            return "(binary, " + value.getBinary().getSize() + " bytes)";
        }
        return value.getString();
    }

    private static Map<String, Node> parts(Node node) throws RepositoryException {
        Map<String, Node> parts = new LinkedHashMap<>();
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (ContentUnits.isContent(child) && !ContentUnits.isUnit(child)) {
                parts.put(child.getName(), child);
            }
        }
        return parts;
    }
}
