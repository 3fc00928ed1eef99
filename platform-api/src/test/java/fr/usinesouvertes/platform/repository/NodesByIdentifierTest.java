package fr.usinesouvertes.platform.repository;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NodesByIdentifierTest {

    private ContentRepository repository;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private String create(String parent, String name) {
        return repository.write(session -> {
            Node folder = session.getRootNode().hasNode(parent) ? session.getNode("/" + parent)
                    : session.getRootNode().addNode(parent, "mgnl:content");
            return folder.addNode(name, "mgnl:contentNode").getIdentifier();
        });
    }

    private String pathOf(String id) {
        return repository.read(session -> NodesByIdentifier.find(session, id).getPath());
    }

    @Test
    void aMalformedOrUnknownIdentifierIsAbsent() {
        create("a", "slot");
        for (String identifier : new String[] {"", " ", "not-an-identifier", "x/y", "/a/slot/..",
                "0b6c5f3e-1d2a-4c9b-8e7f-123456789abc", "0b6c5f3e-1d2a-4c9b-8e7f-123456789abc/child"}) {
            java.util.Optional<Node> found = repository.read(session -> NodesByIdentifier.findIfExists(session, identifier));
            assertThat(found).as("'%s'", identifier).isEmpty();
        }
    }

    @Test
    void findsTheNodeAgainAfterItMoved() {
        String id = create("a", "slot");
        assertThat(pathOf(id)).isEqualTo("/a/slot");
        repository.write(session -> {
            session.getRootNode().addNode("b", "mgnl:content");
            session.move("/a/slot", "/b/slot");
            return null;
        });
        assertThat(pathOf(id)).isEqualTo("/b/slot");
    }

    @Test
    void doesNotAnswerAnotherNodeNowAtTheRememberedPath() {
        String id = create("a", "slot");
        repository.read(session -> NodesByIdentifier.find(session, id));
        repository.write(session -> {
            session.getNode("/a/slot").remove();
            return null;
        });
        String replacement = create("a", "slot");

        assertThatThrownBy(() -> repository.read(session -> NodesByIdentifier.find(session, id)))
                .hasCauseInstanceOf(ItemNotFoundException.class);
        assertThat(pathOf(replacement)).isEqualTo("/a/slot");
    }

    @Test
    void findsUnsavedNodesOfTheSameSessionLikeOakDoes() {
        String id = repository.write(session -> {
            Node node = session.getRootNode().addNode("fresh", "mgnl:contentNode");
            assertThat(NodesByIdentifier.find(session, node.getIdentifier()).getPath()).isEqualTo("/fresh");
            return node.getIdentifier();
        });
        assertThat(pathOf(id)).isEqualTo("/fresh");
    }

    @Test
    void aRememberedNodeThatWasNeverSavedIsNotFound() {
        String id = java.util.UUID.randomUUID().toString();
        repository.read(session -> {
            NodesByIdentifier.remember(session, id, "/never");
            return null;
        });
        repository.write(session -> session.getRootNode().addNode("never", "mgnl:contentNode")); // another identifier

        assertThatThrownBy(() -> repository.read(session -> NodesByIdentifier.find(session, id)))
                .hasCauseInstanceOf(ItemNotFoundException.class);
    }

    @Test
    void twoRepositoriesInOneJvmDoNotShareTheirMemory() {
        String id = create("a", "slot");
        repository.read(session -> NodesByIdentifier.find(session, id));
        ContentRepository other = ContentRepository.open(new MemoryStoreBackend());
        try {
            assertThat(repository.read(NodesByIdentifier::rememberedCount)).isEqualTo(1);
            assertThat(other.read(NodesByIdentifier::rememberedCount)).isZero();
            assertThatThrownBy(() -> other.read(session -> NodesByIdentifier.find(session, id)))
                    .hasCauseInstanceOf(ItemNotFoundException.class);
        } finally {
            other.close();
        }
        assertThat(pathOf(id)).isEqualTo("/a/slot");
    }

    @Test
    void aClosedRepositoryDropsItsMemory() {
        String id = create("a", "slot");
        javax.jcr.Repository jcr = repository.jcr();
        repository.read(session -> NodesByIdentifier.find(session, id));
        repository.close();
        try {
            javax.jcr.Session stale = org.mockito.Mockito.mock(javax.jcr.Session.class);
            org.mockito.Mockito.when(stale.getRepository()).thenReturn(jcr);
            assertThat(NodesByIdentifier.rememberedCount(stale)).isZero();
        } finally {
            repository = ContentRepository.open(new MemoryStoreBackend()); // for close()
        }
    }

    @Test
    void recognisesOaksIdentifiersOnly() {
        String id = create("a", "slot");

        assertThat(NodesByIdentifier.isIdentifier(id)).isTrue();
        assertThat(NodesByIdentifier.isIdentifier(id.toUpperCase())).isFalse();
        assertThat(NodesByIdentifier.isIdentifier(id + "0")).isFalse();
        assertThat(NodesByIdentifier.isIdentifier("/a")).isFalse();
        assertThat(NodesByIdentifier.isIdentifier(null)).isFalse();
    }

    @Test
    void findIfExistsAnswersEmptyForUnknownIdentifiers() {
        String id = create("a", "slot");

        java.util.Optional<String> found = repository.read(session -> NodesByIdentifier.findIfExists(session, id).map(this::path));
        java.util.Optional<Node> unknown = repository.read(session ->
                NodesByIdentifier.findIfExists(session, java.util.UUID.randomUUID().toString()));

        assertThat(found).contains("/a/slot");
        assertThat(unknown).isEmpty();
    }

    private String path(Node node) {
        try {
            return node.getPath();
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void answersOaksErrorForUnknownIdentifiers() {
        assertThatThrownBy(() -> repository.read(session ->
                NodesByIdentifier.find(session, "00000000-0000-0000-0000-000000000000")))
                .hasCauseInstanceOf(ItemNotFoundException.class);
    }
}
