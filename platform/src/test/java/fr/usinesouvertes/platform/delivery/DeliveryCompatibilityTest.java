package fr.usinesouvertes.platform.delivery;

import static fr.usinesouvertes.platform.delivery.DeliveryFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import javax.jcr.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Delivery API against a light module written in Magnolia's format ({@code delivery-modules/compat}: endpoints
 * and bootstrap content exported as Magnolia does), over real HTTP: ids, values, endpoint options and the
 * definition problems of what is not implemented.
 */
class DeliveryCompatibilityTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("src/test/resources/delivery-modules"))
            .inMemory();

    static final String PAGE = "11111111-0000-4000-8000-000000000001";
    static final String AREA = "11111111-0000-4000-8000-000000000002";
    static final String COMPONENT = "11111111-0000-4000-8000-000000000003";
    static final String SUB_NODE = "11111111-0000-4000-8000-000000000004";
    static final String SUB_SUB_NODE = "11111111-0000-4000-8000-000000000005";
    static final String SUB_PAGE = "11111111-0000-4000-8000-000000000008";
    static final String ASSET = "22222222-0000-4000-8000-000000000001";

    private static JsonNode get(String path) {
        HttpResponse<String> response = PLATFORM.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return json(response.body());
    }

    @Test
    void everyNodesIdIsItsContentUuid() {
        JsonNode page = get("/.rest/delivery/pages/v1/compat");
        assertThat(page.get("@id").asText()).isEqualTo(PAGE);
        assertThat(page.at("/main/@id").asText()).isEqualTo(AREA);
        assertThat(page.at("/main/0/@id").asText()).isEqualTo(COMPONENT);
        assertThat(page.at("/main/0/items/@id").asText()).isEqualTo(SUB_NODE);
        assertThat(page.at("/main/0/items/0/@id").asText()).isEqualTo(SUB_SUB_NODE);
        assertThat(get("/.rest/delivery/pages/v1/compat/sub").get("@id").asText()).isEqualTo(SUB_PAGE);
    }

    @Test
    void idsStayTheDraftsUuidsAcrossPublications() {
        String added = PLATFORM.platform().repository().write(session -> {
            Node component = session.getNode("/website/compat/main").addNode("3", "mgnl:component");
            component.setProperty("text", "<p>Quatre</p>");
            return component.getIdentifier();
        });
        PLATFORM.publish("website", "/compat");
        PLATFORM.publish("website", "/compat");
        JsonNode page = get("/.rest/delivery/pages/v1/compat");
        assertThat(page.at("/main/0/@id").asText()).isEqualTo(COMPONENT);
        assertThat(page.at("/main/3/@id").asText()).isEqualTo(added);
        assertThat(get("/.rest/delivery/pages/v1/compat/main/3").get("@id").asText()).isEqualTo(added);
    }

    @Test
    void aPartPublishedBeforePartsCarriedTheirDraftsUuidStillAnswersIt() {
        String component = "11111111-0000-4000-8000-000000000006";
        PLATFORM.platform().repository().write(session -> {
            session.getNode("/live/website/compat/main/1").getProperty("uo:sourceId").remove();
            return null;
        });
        assertThat(get("/.rest/delivery/pages/v1/compat/main/1").get("@id").asText()).isEqualTo(component);
    }

    @Test
    void templatesSeeTheSameIds() {
        HttpResponse<String> response = PLATFORM.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<p id=\"page\">" + PAGE + "</p>", "<p id=\"area\">" + AREA + "</p>",
                "<p class=\"component\">" + COMPONENT + "</p>",
                "<p class=\"component\">11111111-0000-4000-8000-000000000006</p>");
    }

    @Test
    void valuesAreStringsAsMagnoliaAnswersThem() {
        JsonNode page = get("/.rest/delivery/pages/v1/compat");
        assertThat(page.get("hideInNav").isTextual()).isTrue();
        assertThat(page.get("hideInNav").asText()).isEqualTo("false");
        assertThat(page.get("duration").isTextual()).isTrue();
        assertThat(page.get("duration").asText()).isEqualTo("7");
        assertThat(page.get("price").asText()).isEqualTo("4.5");
        assertThat(page.get("startDate").asText()).matches("2026-03-20T\\d\\d:00:00\\.000(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(page.get("tags").toString()).isEqualTo("[\"a\",\"b\"]");
        assertThat(page.at("/main/0/items/0/visible").toString()).isEqualTo("\"true\"");
    }

    @Test
    void typedValuesIsAnOptInOfTheEndpoint() {
        JsonNode page = get("/.rest/delivery/typed/v1/compat");
        assertThat(page.get("hideInNav").isBoolean()).isTrue();
        assertThat(page.get("duration").isNumber()).isTrue();
        assertThat(page.get("duration").asLong()).isEqualTo(7);
        assertThat(page.get("price").asDouble()).isEqualTo(4.5);
        assertThat(page.at("/main/0/items/0/visible").toString()).isEqualTo("true");
        assertThat(page.get("startDate").isTextual()).isTrue();
    }

    @Test
    void assetsAreResolvedAsMagnoliasAssetResolverAnswers() {
        JsonNode page = get("/.rest/delivery/pages/v1/compat");
        JsonNode image = page.get("heroImage"); // propertyName '.*Image': a regular expression
        assertThat(image.get("@id").asText()).isEqualTo("jcr:" + ASSET);
        assertThat(image.get("@link").asText()).isEqualTo("/dam/jcr:" + ASSET + "/usine.jpg");
        assertThat(image.at("/metadata/fileSize").isNumber()).isTrue();
        assertThat(image.at("/metadata/fileSize").asLong()).isEqualTo(2);
        assertThat(image.at("/metadata/width").asLong()).isEqualTo(800);
        assertThat(image.at("/metadata").has("size")).isFalse();
        assertThat(image.at("/renditions/480x360/link").asText()).isEqualTo("/.imaging/480x360/jcr:" + ASSET + "/usine.jpg");
        assertThat(page.get("logo").asText()).isEqualTo("jcr:" + ASSET); // expand: false keeps the stored value
    }

    @Test
    void magnoliasDefaultsApply() {
        JsonNode page = get("/.rest/delivery/defaults/v1/compat");
        assertThat(page.get("mgnl:template").asText()).isEqualTo("compat:pages/home"); // includeSystemProperties
        assertThat(get("/.rest/delivery/defaults/v1?@name=compat").get("total").asInt()).isEqualTo(1);
        assertThat(get("/.rest/delivery/defaults/v1?@name=sub").get("total").asInt()).isEqualTo(1);
        // nodeTypes mgnl:content: pages (and other content), never areas or components
        assertThat(get("/.rest/delivery/defaults/v1?@name=main").get("total").asInt()).isZero();
        assertThat(get("/.rest/delivery/defaults/v1?@name=0").get("total").asInt()).isZero();
        assertThat(get("/.rest/delivery/pages/v1/compat").has("mgnl:template")).isTrue();
    }

    @Test
    void areasComponentsAndSubNodesReadThroughAPagesEndpoint() {
        assertThat(get("/.rest/delivery/pages/v1/compat/main").get("@nodeType").asText()).isEqualTo("mgnl:area");
        assertThat(get("/.rest/delivery/pages/v1/compat/main/0/items").get("@id").asText()).isEqualTo(SUB_NODE);
    }

    @Test
    void childrenArePagedByLimitAndOffset() {
        assertThat(get("/.rest/delivery/pages/v1/compat/main@nodes?limit=2")).extracting(n -> n.get("@name").asText())
                .containsExactly("0", "1");
        assertThat(get("/.rest/delivery/pages/v1/compat/main@nodes?offset=1&limit=1"))
                .extracting(n -> n.get("@name").asText()).containsExactly("1");
        assertThat(get("/.rest/delivery/pages/v1/compat/main@nodes?offset=50")).isEmpty();
        assertThat(get("/.rest/delivery/pages/v1/compat/main@nodes").size()).isGreaterThanOrEqualTo(3);
        for (String bad : List.of("limit=abc", "limit=-1", "offset=x", "limit=100000")) {
            HttpResponse<String> response = PLATFORM.get("/.rest/delivery/pages/v1/compat/main@nodes?" + bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(response.body()).get("message").asText()).contains("'" + bad.split("=")[0] + "'");
        }
        // query parameters are for queries only: a read ignores them
        assertThat(PLATFORM.get("/.rest/delivery/pages/v1/compat?limit=abc").statusCode()).isEqualTo(200);
    }

    @Test
    void anotherEndpointTypeIsAnErrorOfItsDefinitionAndIsNotServed() {
        assertThat(problem("compat:legacy/pages_v1").toString()).contains(": error: ",
                "unsupported endpoint type info.magnolia.rest.delivery.jcr.v1.JcrDeliveryEndpointDefinition");
        assertThat(PLATFORM.get("/.rest/legacy/pages/v1/compat").statusCode()).isEqualTo(404);
    }

    @Test
    void twoEndpointsOnOnePathAreAConflictOfTheLaterOne() {
        Problem conflict = problem("compat:other/pages_v1");
        assertThat(conflict.severity()).isEqualTo("error");
        assertThat(conflict.reason()).contains("/.rest/delivery/pages/v1", "already served by compat:delivery/pages_v1");
        assertThat(conflict.source()).endsWith("restEndpoints/other/pages_v1.yaml");
        assertThat(get("/.rest/delivery/pages/v1/compat").get("duration").isTextual()).isTrue(); // the first one
    }

    @Test
    void optionsThatAreNotImplementedAreWarningsOfTheirDefinition() {
        List<String> reasons = PLATFORM.platform().definitions().current().problems().stream()
                .filter(p -> "compat:delivery/options_v1".equals(p.definitionId()))
                .map(p -> p.severity() + ": " + p.reason()).toList();
        assertThat(reasons).anyMatch(r -> r.startsWith("warning: depth 'many' is not a whole number"))
                .anyMatch(r -> r.equals("warning: unsupported endpoint option 'personalized'; ignored"))
                .anyMatch(r -> r.contains("reference 'pageLink': unsupported option 'generateLink'"))
                .anyMatch(r -> r.contains("reference 'broken': propertyName '[unclosed'"));
        assertThat(get("/.rest/delivery/options/v1/compat").get("@id").asText()).isEqualTo(PAGE); // served
        for (String served : List.of("pages", "typed", "defaults")) {
            assertThat(PLATFORM.platform().definitions().current().problems())
                    .noneMatch(p -> ("compat:delivery/" + served + "_v1").equals(p.definitionId()));
        }
    }

    /** The error reported for {@code definitionId}. */
    private static Problem problem(String definitionId) {
        return PLATFORM.platform().definitions().current().problems().stream()
                .filter(p -> definitionId.equals(p.definitionId()) && p.severity().equals("error")).findFirst()
                .orElseThrow(() -> new AssertionError("No problem of " + definitionId + " in "
                        + PLATFORM.platform().definitions().current().problems()));
    }
}
