package fr.usinesouvertes.platform.publishing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import org.apache.jackrabbit.api.JackrabbitValue;

/**
 * A digest of a node's content as {@link NodeCopier} copies it (type, content properties, parts in order),
 * stored on the live copy at publication: the draft is modified since exactly when its digest differs,
 * whoever changed it. Binaries count by their content identity (Oak's blob id) when they have one. The back office's
 * forms compare it before and after writing, to tell a save that changed nothing.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The digest of {@code node}'s content: its type, content properties and parts, not its sub-units. */
    public static String of(Node node) throws RepositoryException {
        MessageDigest digest = sha256();
        add(digest, node);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, Node node) throws RepositoryException {
        text(digest, "type", node.getPrimaryNodeType().getName());
        List<String> names = new ArrayList<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (NodeCopier.isContent(property)) {
                names.add(property.getName());
            }
        }
        names.sort(null);
        for (String name : names) {
            Property property = node.getProperty(name);
            text(digest, "property", name);
            Value[] values = property.isMultiple() ? property.getValues() : new Value[] {property.getValue()};
            text(digest, "values", (property.isMultiple() ? "multiple:" : "single:") + values.length);
            for (Value value : values) {
                text(digest, "value", PropertyType.nameFromValue(value.getType()) + ":" + valueText(value));
            }
        }
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (ContentUnits.isContent(child) && !ContentUnits.isUnit(child)) {
                text(digest, "part", child.getName());
                add(digest, child);
                text(digest, "end", child.getName());
            }
        }
    }

    private static String valueText(Value value) throws RepositoryException {
        if (value.getType() != PropertyType.BINARY) {
            return value.getString();
        }
        String identity = value instanceof JackrabbitValue jackrabbit ? jackrabbit.getContentIdentity() : null;
        Binary binary = value.getBinary();
        try {
            if (identity != null) {
                return identity + "/" + binary.getSize();
            }
            MessageDigest digest = sha256(); // an inlined binary has no identity: hash its bytes
            try (java.io.InputStream in = binary.getStream()) {
                byte[] buffer = new byte[8192];
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    digest.update(buffer, 0, n);
                }
            } catch (java.io.IOException e) {
                throw new RepositoryException("Cannot read a binary: " + e.getMessage(), e);
            }
            return HexFormat.of().formatHex(digest.digest());
        } finally {
            binary.dispose();
        }
    }

    private static void text(MessageDigest digest, String kind, String text) {
        digest.update(kind.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
