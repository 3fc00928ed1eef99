package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Calls the search API of a test platform. */
final class SearchRequests {

    private SearchRequests() {
    }

    /** The answer to {@code GET /.rest/search/v1?query}, which must be a 200. */
    static JsonNode search(PlatformExtension platform, String query) {
        HttpResponse<String> response = platform.get("/.rest/search/v1?" + query);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
        try {
            return JsonMapper.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to 15 s for the index to give an answer to {@code query} that meets {@code condition}. */
    static void awaitSearch(PlatformExtension platform, String query, Predicate<JsonNode> condition) {
        await("index updated within 15 s for " + query).atMost(Duration.ofSeconds(15))
                .pollInterval(Duration.ofMillis(50)).until(() -> search(platform, query), condition);
    }
}
