package fr.usinesouvertes.platform.lightmodule;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A light module's endpoint at a path a Java module's JAX-RS resource answers is never served: it is reported with the
 * definitions' problems, for the whole endpoint or for the nodes below the resource's path.
 */
class ShadowedEndpointsTest {

    private static final Path MODULES = lightModules();

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(MODULES).inMemory()
            .modules(TestModule.of("java-rest", "1.0").onStart(context -> {
                context.rest().register(new News());
                context.rest().register(Special.class);
            }));

    private static Path lightModules() {
        Path root = Path.of("target/shadowed-endpoints-modules");
        try {
            Path endpoints = Files.createDirectories(root.resolve("shadow/restEndpoints"));
            Files.writeString(endpoints.resolve("clash.yaml"), "$type: jcrDeliveryEndpoint_v2\nendpointPath: news/v1\n"
                    + "workspace: website\n");
            Files.writeString(endpoints.resolve("below.yaml"), "$type: jcrDeliveryEndpoint_v2\n"
                    + "endpointPath: catalogue/v1\nworkspace: website\n");
            Files.writeString(endpoints.resolve("alone.yaml"), "$type: jcrDeliveryEndpoint_v2\n"
                    + "endpointPath: pages/v1\nworkspace: website\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return root;
    }

    /** A Java module's resource at the path a light module's endpoint also claims. */
    @jakarta.ws.rs.Path("/news/v1")
    public static final class News {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "java";
        }
    }

    /** A Java module's resource below another endpoint's path. */
    @jakarta.ws.rs.Path("catalogue/v1/special/{id}")
    public static final class Special {
        @GET
        @Produces(MediaType.TEXT_PLAIN)
        public String get() {
            return "special";
        }
    }

    @Test
    void anEndpointAJavaResourceAnswersIsReportedWithTheDefinitionsProblems() throws Exception {
        assertThat(PLATFORM.get("/.rest/news/v1").body()).isEqualTo("java");

        JsonNode body = JsonMapper.mapper().readTree(PLATFORM.staff().get("/.rest/definitions").body());
        Map<String, String> reasons = new HashMap<>();
        for (JsonNode problem : body.get("problems")) {
            reasons.put(problem.get("definitionId").asText(), problem.get("severity").asText() + ": "
                    + problem.get("reason").asText());
        }
        assertThat(reasons.get("shadow:clash")).startsWith("warning: endpoint path 'news/v1'")
                .contains("/.rest/news/v1", "never served");
        assertThat(reasons.get("shadow:below")).startsWith("warning:")
                .contains("/.rest/catalogue/v1/special", "under special are never served");
        assertThat(reasons).doesNotContainKey("shadow:alone");
    }
}
