package fr.usinesouvertes.platform.delivery;

import com.fasterxml.jackson.core.JsonGenerator;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.publishing.ContentStage;
import fr.usinesouvertes.platform.rendering.RichTextPageLinks;
import fr.usinesouvertes.platform.rendering.SiteRoot;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Streams one node as Magnolia's Delivery API shows it: {@code @name}, {@code @path} (in its workspace),
 * {@code @id}, {@code @nodeType}, the properties flat, then the children of the endpoint's
 * {@code childNodeTypes} embedded under their names down to {@code depth} levels, with {@code @nodes}
 * listing their names in order. One writer serves one answer (it carries the answer's reference state).
 */
final class NodeJsonWriter {

    private final Session session;
    private final DeliveryEndpointDefinition endpoint;
    private final Workspaces workspaces;
    private final DeliveryLanguages languages;
    private final String language;
    private final DeliveryVisibility visibility;
    private final ContentStage stage;
    private final DefinitionRegistry registry;
    private final NodeTypeMatcher childTypes;
    private final ReferenceResolver references;

    NodeJsonWriter(Session session, DeliveryEndpointDefinition endpoint, Workspaces workspaces,
                   DeliveryLanguages languages, String language, DeliveryVisibility visibility) {
        this(session, endpoint, workspaces, languages, language, visibility, ContentStage.PUBLIC,
                DefinitionRegistry.empty());
    }

    /**
     * @param stage    which copy references resolve to: the published one, or the drafts for the page editor
     * @param registry the definitions, for the site addresses of pages linked from rich text
     */
    NodeJsonWriter(Session session, DeliveryEndpointDefinition endpoint, Workspaces workspaces,
                   DeliveryLanguages languages, String language, DeliveryVisibility visibility, ContentStage stage,
                   DefinitionRegistry registry) {
        this.stage = stage;
        this.registry = registry;
        this.session = session;
        this.endpoint = endpoint;
        this.workspaces = workspaces;
        this.languages = languages;
        this.language = language;
        this.visibility = visibility;
        this.childTypes = new NodeTypeMatcher(endpoint.childNodeTypes(), endpoint.strict());
        this.references = new ReferenceResolver(endpoint, workspaces, visibility, this);
    }

    Session session() {
        return session;
    }

    DeliveryVisibility visibility() {
        return visibility;
    }

    ContentStage stage() {
        return stage;
    }

    /** Whether values keep their JSON type (the endpoint's {@code typedValues}) instead of Magnolia's strings. */
    boolean typedValues() {
        return endpoint.typedValues();
    }

    /** Writes {@code node} with the endpoint's depth of children. */
    void write(JsonGenerator json, Node node) throws RepositoryException, IOException {
        references.enterAnswer(node);
        write(json, node, Math.max(0, endpoint.depth()));
    }

    void write(JsonGenerator json, Node node, int depth) throws RepositoryException, IOException {
        json.writeStartObject();
        json.writeStringField("@name", node.getName());
        json.writeStringField("@path", workspaces.toWorkspacePath(node.getPath()));
        json.writeStringField("@id", ContentStage.identifier(node));
        json.writeStringField("@nodeType", node.getPrimaryNodeType().getName());
        writeProperties(json, node);
        List<String> names = new ArrayList<>();
        if (depth > 0) {
            for (NodeIterator children = node.getNodes(); children.hasNext(); ) {
                Node child = children.nextNode();
                if (childTypes.matches(child) && visibility.isVisible(child)) {
                    json.writeFieldName(child.getName());
                    write(json, child, depth - 1);
                    names.add(child.getName());
                }
            }
        }
        json.writeArrayFieldStart("@nodes");
        for (String name : names) {
            json.writeString(name);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void writeProperties(JsonGenerator json, Node node) throws RepositoryException, IOException {
        for (Map.Entry<String, Property> property : properties(node).entrySet()) {
            writeProperty(json, property.getKey(), property.getValue());
        }
    }

    /**
     * The node's properties as the answer shows them, by name: all as stored without a language; localized,
     * one entry per base name holding the requested language's variant ({@code title_en}) or the stored default.
     */
    Map<String, Property> properties(Node node) throws RepositoryException {
        Map<String, Property> result = new LinkedHashMap<>();
        if (language == null) {
            for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
                Property property = properties.nextProperty();
                result.put(property.getName(), property);
            }
            return result;
        }
        Map<String, Property> byName = new LinkedHashMap<>();
        for (PropertyIterator properties = node.getProperties(); properties.hasNext(); ) {
            Property property = properties.nextProperty();
            byName.put(property.getName(), property);
        }
        Map<String, Boolean> baseNames = new LinkedHashMap<>();
        for (String name : byName.keySet()) {
            String base = languages.baseName(name, language);
            baseNames.putIfAbsent(base != null ? base : name, Boolean.TRUE);
        }
        for (String base : baseNames.keySet()) {
            Property chosen = null;
            for (String suffix : languages.suffixes(language)) {
                chosen = byName.get(base + "_" + suffix);
                if (chosen != null) {
                    break;
                }
            }
            if (chosen == null) {
                chosen = byName.get(base);
            }
            if (chosen != null) {
                result.put(base, chosen);
            }
        }
        return result;
    }

    private void writeProperty(JsonGenerator json, String name, Property property)
            throws RepositoryException, IOException {
        if (!isShown(name) || PropertyJson.isBinary(property)) {
            return;
        }
        json.writeFieldName(name);
        if (references.writeResolved(json, name, property)) {
            return;
        }
        if (property.getType() == PropertyType.STRING && !property.isMultiple()
                && property.getString().contains(RichTextPageLinks.ATTRIBUTE)) {
            // rich text keeps its links to pages by id: their addresses are written from the pages as they are now
            json.writeString(RichTextPageLinks.refresh(property.getString(), this::pageAddress));
        } else {
            PropertyJson.write(json, property, endpoint.typedValues());
        }
    }

    /** The site address of the page with this (draft) id in this answer's stage; empty when gone or unpublished. */
    private java.util.Optional<String> pageAddress(String id) {
        try {
            Node page = stage.nodeByIdentifier(session, id);
            return page.isNodeType("mgnl:page") ? java.util.Optional.of(SiteRoot.siteAddress(page, registry))
                    : java.util.Optional.empty();
        } catch (RepositoryException | IllegalArgumentException e) {
            return java.util.Optional.empty(); // the link keeps the address it had
        }
    }

    /**
     * System properties only as the endpoint says: its {@code systemProperties} list is a whitelist
     * whenever it is given (with or without {@code includeSystemProperties}); without a list,
     * {@code includeSystemProperties: true} shows them all.
     */
    private boolean isShown(String name) {
        if (PropertyJson.NEVER_SHOWN.contains(name) || name.startsWith("rep:") || name.startsWith("oak:")
                || name.startsWith(ContentStage.NAMESPACE_PREFIX + ":")) {
            return false;
        }
        if (!PropertyJson.isSystem(name)) {
            return true;
        }
        List<String> whitelist = endpoint.systemProperties();
        if (whitelist != null && !whitelist.isEmpty()) {
            return whitelist.contains(name);
        }
        return endpoint.includeSystemProperties();
    }
}
