package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever Jetty lets through, a request path never leaves the endpoint's subtree. */
class NodePathsTest {

    static ContentRepository repository;
    static final DeliveryEndpointDefinition HOME = endpoint("delivery/home/v1", "website").rootPath("/home").build();

    @BeforeAll
    static void content() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        DeliveryFixtures.createSite(repository);
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../about", "news/../../about", "./news", "../../personal", "news[1]", "*",
            "news|about", "..\\about", "bad:namespace", "rep:policy"})
    void traversalAndJcrPathSyntaxAreNotFound(String path) {
        assertThatThrownBy(() -> repository.read(session -> NodePaths.resolve(
                NodePaths.root(session, repository.workspaces(), HOME), path, DeliveryVisibility.ALL)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(404));
    }

    @ParameterizedTest
    @ValueSource(strings = {"news", "/news", "news/", "//news"})
    void plainPathsResolveBelowTheRoot(String path) {
        String found = repository.read(session -> NodePaths.resolve(
                NodePaths.root(session, repository.workspaces(), HOME), path, DeliveryVisibility.ALL).getPath());
        assertThat(found).isEqualTo("/website/home/news");
    }
}
