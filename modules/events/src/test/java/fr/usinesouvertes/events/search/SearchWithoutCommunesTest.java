package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SearchWithoutCommunesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    @Test
    void nearSaysTheCommunesTableIsMissingWhileCoordinatesWork() throws Exception {
        HttpResponse<String> near = PLATFORM.get("/.rest/search/v1?near=Lille");
        assertThat(near.statusCode()).isEqualTo(400);
        var body = JsonMapper.mapper().readTree(near.body());
        assertThat(body.get("code").asText()).isEqualTo("communesMissing");
        assertThat(body.get("parameter").asText()).isEqualTo("near");
        assertThat(body.get("message").asText()).contains("communes table");

        HttpResponse<String> coordinates = PLATFORM.get("/.rest/search/v1?lat=50.63&lon=3.05&km=20");
        assertThat(coordinates.statusCode()).isEqualTo(200);
        assertThat(JsonMapper.mapper().readTree(coordinates.body()).get("total").asInt()).isZero();
        assertThat(JsonMapper.mapper().readTree(coordinates.body()).get("facets").has("region")).isTrue();
    }
}
