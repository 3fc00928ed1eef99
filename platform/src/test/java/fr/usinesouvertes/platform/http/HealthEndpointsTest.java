package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import fr.usinesouvertes.platform.module.HealthCheck;
import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import fr.usinesouvertes.platform.testing.RefusingStoreBackend;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code /.health/live} and {@code /.health/ready} on a running platform whose store can be made to refuse commits,
 * with a module adding its own check through the plugin API.
 */
class HealthEndpointsTest {

    private static final RefusingStoreBackend STORE = new RefusingStoreBackend();
    private static final AtomicBoolean MODULE_UP = new AtomicBoolean(true);

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .storeBackend(() -> STORE)
            .modules(TestModule.of("checked", "1.0").onStart(context -> context.health().register("checked.queue",
                    () -> MODULE_UP.get() ? HealthCheck.Result.up("3 items queued")
                            : HealthCheck.Result.down("the queue is stuck"))));

    @Test
    void liveAnswersUpWithoutTouchingAnythingAndIsNeverCached() throws Exception {
        HttpResponse<String> live = PLATFORM.get("/.health/live");

        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live).get("status").asText()).isEqualTo("UP");
        assertThat(live.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(live.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(PLATFORM.get("/.health/other").statusCode()).isEqualTo(404);
    }

    @Test
    void readyListsEveryCheckAndAnswers200WhenAllAreUp() throws Exception {
        HttpResponse<String> ready = awaitReady(200);

        JsonNode body = json(ready);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("checks").findValuesAsText("name")).containsExactly("repository", "search", "checked.queue");
        assertThat(body.get("checks").findValuesAsText("status")).containsOnly("UP");
        assertThat(body.get("checks").get(0).get("detail").asText()).isEqualTo("readable and writable");
        assertThat(body.get("checks").get(2).get("detail").asText()).isEqualTo("3 items queued");
        assertThat(ready.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void aModuleCheckThatIsDownMakesTheNodeUnreadyButStillLive() throws Exception {
        awaitReady(200);
        MODULE_UP.set(false);
        try {
            HttpResponse<String> ready = PLATFORM.get("/.health/ready");

            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode body = json(ready);
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(check(body, "checked.queue").get("status").asText()).isEqualTo("DOWN");
            assertThat(check(body, "checked.queue").get("detail").asText()).isEqualTo("the queue is stuck");
            assertThat(check(body, "repository").get("status").asText()).isEqualTo("UP");
            assertThat(PLATFORM.get("/.health/live").statusCode()).isEqualTo(200);
        } finally {
            MODULE_UP.set(true);
        }
        awaitReady(200);
    }

    @Test
    void aRepositoryRefusingWritesMakesTheNodeUnreadyWithoutAStackTraceUntilItAcceptsThemAgain() throws Exception {
        awaitReady(200);
        STORE.refuseCommits(true);
        try {
            // the check writes at most every few seconds and reports its last write in between
            HttpResponse<String> ready = awaitReady(503);

            JsonNode repository = check(json(ready), "repository");
            assertThat(repository.get("status").asText()).isEqualTo("DOWN");
            assertThat(repository.get("detail").asText()).startsWith("not writable");
            assertThat(ready.body()).doesNotContain("\tat ").doesNotContain("Oak9999").doesNotContain("refuses");
            assertThat(PLATFORM.get("/.health/live").statusCode()).isEqualTo(200);
        } finally {
            STORE.refuseCommits(false);
        }
        awaitReady(200);
    }

    private static HttpResponse<String> awaitReady(int status) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> PLATFORM.get("/.health/ready"), response -> response.statusCode() == status);
    }

    private static JsonNode check(JsonNode body, String name) {
        for (JsonNode check : body.get("checks")) {
            if (check.get("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("No check named " + name + " in " + body);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JsonMapper.mapper().readTree(response.body());
    }
}
