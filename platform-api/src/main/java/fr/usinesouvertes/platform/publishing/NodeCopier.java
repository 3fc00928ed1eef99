package fr.usinesouvertes.platform.publishing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import javax.jcr.ValueFactory;
import javax.jcr.nodetype.NodeType;

/**
 * Makes a node's content (properties, mixins and parts, see {@link ContentUnits}) that of another node,
 * updating nodes in place so that they keep their identity; the target's own sub-units are left alone.
 * Used to publish (draft → live), to store a version (draft → version) and to restore one (version → draft).
 * Activation metadata and the platform's {@code uo:} properties are never copied nor removed: each side
 * keeps its own. Hard references become weak ones, so a copy never keeps its draft from being deleted.
 */
final class NodeCopier {

    /** Magnolia's activation metadata: set by publishing on each side, not part of the content. */
    static final Set<String> ACTIVATION = Set.of("mgnl:lastActivated", "mgnl:lastActivatedBy",
            "mgnl:activationStatus", "mgnl:lastActivatedVersion", "mgnl:lastActivatedVersionCreated");
    /** Mixins that describe a draft's state, not its content. */
    static final Set<String> STATE_MIXINS = Set.of("mgnl:deleted");
    static final Set<String> STATE_PROPERTIES = Set.of("mgnl:deleted", "mgnl:deletedBy");

    private NodeCopier() {
    }

    /** Whether a property is content: copied, compared and fingerprinted. */
    static boolean isContent(Property property) throws RepositoryException {
        String name = property.getName();
        return !property.getDefinition().isProtected() && !ACTIVATION.contains(name)
                && !STATE_PROPERTIES.contains(name) && !name.startsWith(ContentStage.NAMESPACE_PREFIX + ":")
                && !name.equals("jcr:primaryType") && !name.equals("jcr:mixinTypes") && !name.equals("jcr:uuid");
    }

    static void copyContent(Node source, Node target) throws RepositoryException {
        if (!target.getPrimaryNodeType().getName().equals(source.getPrimaryNodeType().getName())) {
            target.setPrimaryType(source.getPrimaryNodeType().getName());
        }
        for (NodeType mixin : source.getMixinNodeTypes()) {
            if (!STATE_MIXINS.contains(mixin.getName()) && !target.isNodeType(mixin.getName())) {
                target.addMixin(mixin.getName());
            }
        }
        copyProperties(source, target);
        copyParts(source, target);
    }

    private static void copyProperties(Node source, Node target) throws RepositoryException {
        Set<String> copied = new HashSet<>();
        ValueFactory values = target.getSession().getValueFactory();
        for (PropertyIterator it = source.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (!isContent(property)) {
                continue;
            }
            copied.add(property.getName());
            if (target.hasProperty(property.getName())
                    && target.getProperty(property.getName()).isMultiple() != property.isMultiple()) {
                target.getProperty(property.getName()).remove();
            }
            if (property.isMultiple()) {
                Value[] copies = property.getValues();
                for (int i = 0; i < copies.length; i++) {
                    copies[i] = weakened(copies[i], values);
                }
                target.setProperty(property.getName(), copies);
            } else {
                target.setProperty(property.getName(), weakened(property.getValue(), values));
            }
        }
        List<Property> stale = new ArrayList<>();
        for (PropertyIterator it = target.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (isContent(property) && !copied.contains(property.getName())) {
                stale.add(property);
            }
        }
        for (Property property : stale) {
            property.remove();
        }
    }

    private static Value weakened(Value value, ValueFactory values) throws RepositoryException {
        return value.getType() == PropertyType.REFERENCE
                ? values.createValue(value.getString(), PropertyType.WEAKREFERENCE) : value;
    }

    private static void copyParts(Node source, Node target) throws RepositoryException {
        List<String> order = new ArrayList<>();
        for (NodeIterator it = source.getNodes(); it.hasNext(); ) {
            Node part = it.nextNode();
            if (!ContentUnits.isContent(part) || ContentUnits.isUnit(part)) {
                continue;
            }
            order.add(part.getName());
            Node copy = target.hasNode(part.getName()) ? target.getNode(part.getName())
                    : target.addNode(part.getName(), part.getPrimaryNodeType().getName());
            copyContent(part, copy);
        }
        List<Node> stale = new ArrayList<>();
        for (NodeIterator it = target.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (!order.contains(child.getName()) && ContentUnits.isContent(child) && !ContentUnits.isUnit(child)) {
                stale.add(child);
            }
        }
        for (Node child : stale) {
            child.remove();
        }
        if (target.getPrimaryNodeType().hasOrderableChildNodes()) {
            for (int i = order.size() - 2; i >= 0; i--) {
                target.orderBefore(order.get(i), order.get(i + 1));
            }
        }
    }
}
