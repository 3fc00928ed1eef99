package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.definition.DeliveryEndpointDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointRouteTest {

    static final List<DeliveryEndpointDefinition> ENDPOINTS = List.of(
            endpoint("delivery/pages/v1", "website").build(),
            endpoint("delivery/pages/v1/nav", "website").build(),
            endpoint("delivery/pagesextra/v1", "website").build());

    @Test
    void theLongestMatchingPrefixWinsAndTheRestIsThePath() {
        assertThat(EndpointRoute.find(ENDPOINTS, "delivery/pages/v1/home/news")).hasValueSatisfying(route -> {
            assertThat(route.endpoint().endpointPath()).isEqualTo("delivery/pages/v1");
            assertThat(route.remainder()).isEqualTo("home/news");
        });
        assertThat(EndpointRoute.find(ENDPOINTS, "delivery/pages/v1/nav/home")).hasValueSatisfying(
                route -> assertThat(route.endpoint().endpointPath()).isEqualTo("delivery/pages/v1/nav"));
        assertThat(EndpointRoute.find(ENDPOINTS, "delivery/pages/v1/")).hasValueSatisfying(
                route -> assertThat(route.remainder()).isEmpty());
    }

    @Test
    void aPrefixMustEndOnASegment() {
        assertThat(EndpointRoute.find(ENDPOINTS, "delivery/pages/v10/home")).isEmpty();
        assertThat(EndpointRoute.find(ENDPOINTS, "delivery/pagesextra/v1/x")).hasValueSatisfying(
                route -> assertThat(route.endpoint().endpointPath()).isEqualTo("delivery/pagesextra/v1"));
    }
}
