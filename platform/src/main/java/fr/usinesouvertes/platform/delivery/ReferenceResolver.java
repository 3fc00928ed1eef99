package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.definition.ReferenceDefinition;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.Property;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;

/**
 * Replaces stored identifiers with what they point at, for the properties an endpoint's
 * {@code references} name: an {@code asset} resolver writes the DAM asset (see {@link AssetJson}), a
 * {@code jcr} resolver the referenced node's full JSON from its {@code targetWorkspace}.
 *
 * <p>Values may be {@code jcr:<uuid>} (what {@code damLinkField} stores), a bare uuid, or (older Magnolia 5
 * content) a path in the target workspace. References inside
 * resolved nodes are resolved down to {@code referenceDepth} levels (-1: unlimited). A node already being
 * resolved higher up is never resolved again (no loops, whatever the depth), and with
 * {@code referenceRepeat: false} a node is resolved only once per answer: later occurrences keep the raw
 * value. A value that resolves to nothing (deleted, other workspace, hidden) keeps its raw value.
 */
final class ReferenceResolver {

    private final DeliveryEndpointDefinition endpoint;
    private final Workspaces workspaces;
    private final DeliveryVisibility visibility;
    private final NodeJsonWriter nodes;
    private final Map<String, ReferenceDefinition> byProperty = new HashMap<>();
    private final List<Map.Entry<java.util.regex.Pattern, ReferenceDefinition>> byPattern = new java.util.ArrayList<>();
    private final Set<String> resolvedInAnswer = new HashSet<>();
    private final Deque<String> chain = new ArrayDeque<>();

    ReferenceResolver(DeliveryEndpointDefinition endpoint, Workspaces workspaces, DeliveryVisibility visibility,
                      NodeJsonWriter nodes) {
        this.endpoint = endpoint;
        this.workspaces = workspaces;
        this.visibility = visibility;
        this.nodes = nodes;
        List<ReferenceDefinition> references = endpoint.references() != null ? endpoint.references() : List.of();
        for (ReferenceDefinition reference : references) {
            byProperty.putIfAbsent(reference.propertyName(), reference);
            byPattern.add(Map.entry(java.util.regex.Pattern.compile(reference.propertyName()), reference));
        }
    }

    /** Starts a new top-level node of the answer: it heads the chain so that it is never nested in itself. */
    void enterAnswer(Node node) throws RepositoryException {
        chain.clear();
        chain.push(ContentStage.identifier(node));
    }

    /** Writes the resolved value of {@code name} and answers true, or answers false to let the raw value be written. */
    boolean writeResolved(JsonGenerator json, String name, Property property) throws RepositoryException, IOException {
        ReferenceDefinition reference = reference(name);
        if (reference == null || !reference.expand() || !withinDepth()) {
            return false;
        }
        if (property.isMultiple()) {
            json.writeStartArray();
            for (Value value : property.getValues()) {
                if (!writeOne(json, reference, value.getString())) {
                    PropertyJson.write(json, value, nodes.typedValues());
                }
            }
            json.writeEndArray();
            return true;
        }
        return writeOne(json, reference, property.getString());
    }

    /** The reference of a property: the one naming it exactly, else the first whose regular expression matches it. */
    private ReferenceDefinition reference(String name) {
        ReferenceDefinition exact = byProperty.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<java.util.regex.Pattern, ReferenceDefinition> entry : byPattern) {
            if (entry.getKey().matcher(name).matches()) {
                return entry.getValue();
            }
        }
        return null;
    }

    private boolean withinDepth() {
        int level = chain.size() - 1; // references being resolved around the current node
        return endpoint.referenceDepth() < 0 || level < endpoint.referenceDepth();
    }

    private boolean writeOne(JsonGenerator json, ReferenceDefinition reference, String raw)
            throws RepositoryException, IOException {
        Node target = find(reference, raw);
        if (target == null) {
            return false;
        }
        String id = ContentStage.identifier(target);
        if (chain.contains(id) || (!endpoint.referenceRepeat() && resolvedInAnswer.contains(id))) {
            return false;
        }
        resolvedInAnswer.add(id);
        if (isAsset(reference)) {
            AssetJson.write(json, target, workspaces, reference.assetRenditions(), nodes);
            return true;
        }
        chain.push(id);
        try {
            nodes.write(json, target, Math.max(0, endpoint.depth()));
        } finally {
            chain.pop();
        }
        return true;
    }

    private Node find(ReferenceDefinition reference, String raw) throws RepositoryException {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String workspace = targetWorkspace(reference);
        if (raw.startsWith("/")) {
            return byPath(workspace, raw);
        }
        String id = raw.startsWith("jcr:") ? raw.substring(4) : raw;
        Node target;
        try {
            target = nodes.stage().nodeByIdentifier(nodes.session(), id);
        } catch (RepositoryException | IllegalArgumentException e) {
            return null; // unknown or not an identifier at all: keep the raw value
        }
        if (!workspaces.workspaceOf(target.getPath()).equals(workspace) || !visibility.isVisible(target)) {
            return null;
        }
        return target;
    }

    /** Older content (Magnolia 5 link fields) may store a path in the target workspace instead of an id. */
    private Node byPath(String workspace, String path) throws RepositoryException {
        try {
            Session session = nodes.session();
            String root = nodes.stage().toJcrPath(session, workspaces, workspace, "/");
            return NodePaths.resolve(session.nodeExists(root) ? session.getNode(root) : null, path, visibility);
        } catch (fr.usinesouvertes.platform.http.ApiException | IllegalArgumentException notFound) {
            return null;
        }
    }

    private String targetWorkspace(ReferenceDefinition reference) {
        if (reference.targetWorkspace() != null && !reference.targetWorkspace().isBlank()) {
            return reference.targetWorkspace();
        }
        return isAsset(reference) ? "dam" : endpoint.workspace();
    }

    private static boolean isAsset(ReferenceDefinition reference) {
        String resolver = reference.resolver() == null ? "" : reference.resolver().toLowerCase(Locale.ROOT);
        return resolver.contains("asset") || resolver.contains("dam");
    }
}
