package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without the {@code communes} setting, the search resolves places with the table embedded in the module. */
class SearchEmbeddedCommunesTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory().modules(new EventsModule());

    @Test
    void nearWorksOnAFreshInstallForEveryPostalCodeOfABigCity() throws Exception {
        for (String near : new String[] {"80000", "31000", "67000", "06000", "Longueau", "80330"}) {
            HttpResponse<String> answer = PLATFORM.get("/.rest/search/v1?near=" + near + "&km=20");
            assertThat(answer.statusCode()).as(near).isEqualTo(200);
            assertThat(JsonMapper.mapper().readTree(answer.body()).get("total").asInt()).isZero();
        }
    }

    @Test
    void anUnknownPlaceIsRefusedNamingTheParameter() throws Exception {
        HttpResponse<String> near = PLATFORM.get("/.rest/search/v1?near=Atlantis");
        assertThat(near.statusCode()).isEqualTo(400);
        var body = JsonMapper.mapper().readTree(near.body());
        assertThat(body.get("code").asText()).isEqualTo("communeNotFound");
        assertThat(body.get("parameter").asText()).isEqualTo("near");

        HttpResponse<String> coordinates = PLATFORM.get("/.rest/search/v1?lat=50.63&lon=3.05&km=20");
        assertThat(coordinates.statusCode()).isEqualTo(200);
    }
}
