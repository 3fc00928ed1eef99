package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PlatformServerTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory();

    @Test
    void unknownRestPathAnswersJsonNotFound() {
        HttpResponse<String> response = PLATFORM.get("/.rest/nothing/here?title%5Blike%5D=a%25%7Cb");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.body()).contains("\"code\":\"notFound\"");
    }

    @Test
    void rawFilterCharactersAreAcceptedInTheQueryString() throws Exception {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/nothing?a[eq]=1|2&b[in]=1~2");
        assertThat(response.status()).isEqualTo(404); // reached Jersey: not rejected by Jetty as a 400
        assertThat(response.body()).contains("notFound");
    }

    @Test
    void urisJettyRefusesStillAnswerJsonUnderRest() {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/.rest/delivery/pages/v1/%2e%2e/secret");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("\"code\":\"badRequest\"").doesNotContain("<html");
    }

    @Test
    void urisJettyRefusesElsewhereGetAShortFrenchPage() {
        PlatformExtension.RawResponse response = PLATFORM.rawGet("/a/%2e%2e/b");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Erreur 400").doesNotContain("Exception");
    }
}
