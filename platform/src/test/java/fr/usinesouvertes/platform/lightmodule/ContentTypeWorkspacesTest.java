package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ContentTypeWorkspacesTest {

    private final ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void createsWorkspacesNamespacesAndNodeTypesIdempotently() {
        DefinitionRegistry registry = DefinitionRegistry.builder()
                .contentType(contentType("m:site", "sites", "ev:site", true, Map.of()))
                .contentType(contentType("m:note", "notes", "notes:note", false, Map.of()))
                .build();
        ContentTypeWorkspaces workspaces = new ContentTypeWorkspaces(repository);
        workspaces.accept(registry);
        workspaces.accept(registry); // a reload registers nothing twice

        String summary = repository.read(session -> session.getRootNode().hasNode("sites") + " "
                + session.getRootNode().hasNode("notes") + " "
                + session.getNamespaceURI("ev") + " "
                + session.getWorkspace().getNodeTypeManager().getNodeType("ev:site").isNodeType("mgnl:content") + " "
                + session.getWorkspace().getNodeTypeManager().hasNodeType("notes:note"));
        assertThat(summary).isEqualTo("true true urn:usines-ouvertes:ev true false");
        assertThat(repository.workspaces().exists("sites")).isTrue();
    }

    private static ContentTypeDefinition contentType(String id, String workspace, String nodeType, boolean autoCreate,
                                                     Map<String, String> namespaces) {
        return new ContentTypeDefinition(id, id.substring(2), workspace, "/", nodeType, autoCreate, namespaces,
                List.of(), List.of(), Map.of());
    }
}
