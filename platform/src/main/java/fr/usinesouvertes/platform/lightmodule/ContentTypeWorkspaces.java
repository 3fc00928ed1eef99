package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;
import javax.jcr.NamespaceRegistry;
import javax.jcr.Session;
import javax.jcr.nodetype.NodeTypeManager;
import javax.jcr.nodetype.NodeTypeTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure every content type can store its items, each time definitions change: its workspace exists
 * and, with {@code autoCreate: true}, its node type too, registered as a subtype of {@code mgnl:content}
 * together with its namespace (the URI from the content type's {@code namespaces}, else
 * {@code urn:usines-ouvertes:<prefix>}). Idempotent; a failure is logged and never stops a reload.
 */
public final class ContentTypeWorkspaces implements Consumer<DefinitionRegistry> {

    private static final Logger LOG = LoggerFactory.getLogger(ContentTypeWorkspaces.class);
    private static final String BASE_TYPE = "mgnl:content";

    private final ContentRepository repository;

    public ContentTypeWorkspaces(ContentRepository repository) {
        this.repository = repository;
    }

    @Override
    public void accept(DefinitionRegistry registry) {
        Set<String> workspaces = new LinkedHashSet<>();
        registry.contentTypes().forEach(c -> workspaces.add(c.workspace()));
        if (!workspaces.isEmpty()) {
            try {
                repository.write(session -> {
                    repository.workspaces().ensureRoots(session, workspaces);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("Cannot create the workspaces of content types {}", workspaces, e);
            }
        }
        registry.contentTypes().stream().filter(ContentTypeDefinition::autoCreate).forEach(this::ensureNodeType);
    }

    private void ensureNodeType(ContentTypeDefinition contentType) {
        String name = contentType.nodeType();
        try {
            repository.write(session -> {
                NodeTypeManager types = session.getWorkspace().getNodeTypeManager();
                if (!types.hasNodeType(name)) {
                    ensureNamespace(session, contentType);
                    NodeTypeTemplate template = types.createNodeTypeTemplate();
                    template.setName(name);
                    template.setDeclaredSuperTypeNames(new String[] {BASE_TYPE});
                    template.setOrderableChildNodes(true);
                    types.registerNodeType(template, false);
                    LOG.info("Registered node type {} for content type {}", name, contentType.id());
                }
                return null;
            });
        } catch (RuntimeException e) {
            LOG.error("Cannot register node type {} of content type {}", name, contentType.id(), e);
        }
    }

    private static void ensureNamespace(Session session, ContentTypeDefinition contentType)
            throws javax.jcr.RepositoryException {
        int colon = contentType.nodeType().indexOf(':');
        if (colon < 0) {
            return;
        }
        String prefix = contentType.nodeType().substring(0, colon);
        NamespaceRegistry namespaces = session.getWorkspace().getNamespaceRegistry();
        if (!Arrays.asList(namespaces.getPrefixes()).contains(prefix)) {
            String uri = contentType.namespaces().getOrDefault(prefix, "urn:usines-ouvertes:" + prefix);
            namespaces.registerNamespace(prefix, uri);
        }
    }
}
