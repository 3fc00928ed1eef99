package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import javax.jcr.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A plugged-in visibility (e.g. "published only") hides nodes from reads, children and queries alike. */
class DeliveryVisibilityTest {

    static ContentRepository repository;
    static final DeliveryVisibility NOT_EVENTS = node -> !node.getName().equals("events") && !node.getName().equals("00");
    static final DeliveryEndpointDefinition PAGES = endpoint("delivery/pages/v1", "website").nodeTypes("mgnl:page")
            .childNodeTypes("mgnl:area", "mgnl:component").depth(2).build();

    @BeforeAll
    static void content() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        DeliveryFixtures.createSite(repository);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    @Test
    void aHiddenNodeIsNotFound() {
        assertThatThrownBy(() -> repository.read(session -> NodePaths.resolve(
                NodePaths.root(session, repository.workspaces(), PAGES), "home/events", NOT_EVENTS)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(404));
    }

    @Test
    void hiddenChildrenAreLeftOutOfAnswers() {
        JsonNode home = json(repository.read(session -> DeliveryResource.json(json -> new NodeJsonWriter(session, PAGES,
                repository.workspaces(), DeliveryLanguages.SITE, null, NOT_EVENTS)
                .write(json, session.getNode("/website/home")))).toString());
        assertThat(home.at("/main/@nodes").toString()).isEqualTo("[\"01\"]");
    }

    @Test
    void hiddenNodesAreLeftOutOfQueries() {
        NodeQuery all = NodeQueryParser.parse(Map.of(), PAGES);
        List<String> names = repository.read(session -> new NodeQueryExecutor(new FilterMatcher(ZoneOffset.UTC))
                .run(session.getNode("/website"), all, new NodeTypeMatcher(PAGES.nodeTypes(), false), NOT_EVENTS)
                .nodes().stream().map(DeliveryVisibilityTest::name).toList());
        assertThat(names).containsExactly("home", "news", "about");
    }

    @Test
    void theDefaultShowsEverything() throws Exception {
        Node events = repository.read(session -> session.getNode("/website/home/events"));
        assertThat(DeliveryVisibility.ALL.isVisible(events)).isTrue();
        assertThat(new String(CachedAnswer.of("{}".getBytes(StandardCharsets.UTF_8)).body(), StandardCharsets.UTF_8))
                .isEqualTo("{}");
    }

    private static String name(Node node) {
        try {
            return node.getName();
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
