package fr.usinesouvertes.platform.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import fr.usinesouvertes.platform.testing.LogCapture;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.event.KeyValuePair;

/** With {@code access-log: true}, one line per request: method, path without the query, status, duration, bytes, id. */
class AccessLogTest {

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("access-log", "true");

    @Test
    void eachRequestIsOneLineWithoutItsQueryString() {
        List<ILoggingEvent> lines;
        HttpResponse<String> response;
        try (LogCapture log = LogCapture.of(RequestObserver.ACCESS_LOGGER, Level.INFO)) {
            response = PLATFORM.get("/.health/live?email=jeanne.martin%40example.fr", "X-Request-Id", "access-1");
            PLATFORM.get("/nowhere/at/all?phone=0612345678", "X-Request-Id", "access-2");
            lines = await().atMost(Duration.ofSeconds(10)).until(log::events, events -> events.size() >= 2);
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(lines).hasSize(2);
        ILoggingEvent live = lines.get(0);
        assertThat(live.getLevel()).isEqualTo(Level.INFO);
        assertThat(live.getFormattedMessage()).matches("GET /\\.health/live 200 \\d+ ms " + response.body().length() + " B");
        assertThat(live.getMDCPropertyMap()).containsEntry("requestId", "access-1");
        Map<String, Object> fields = keyValues(live);
        assertThat(fields).containsEntry("method", "GET").containsEntry("path", "/.health/live")
                .containsEntry("status", 200).containsEntry("bytes", (long) response.body().length())
                .containsKey("durationMs");

        ILoggingEvent missing = lines.get(1);
        assertThat(missing.getFormattedMessage()).startsWith("GET /nowhere/at/all 404 ");
        assertThat(missing.getMDCPropertyMap()).containsEntry("requestId", "access-2");
        for (ILoggingEvent line : lines) {
            assertThat(line.getFormattedMessage() + keyValues(line)).doesNotContain("jeanne", "example", "0612345678",
                    "?");
        }
    }

    private static Map<String, Object> keyValues(ILoggingEvent event) {
        List<KeyValuePair> pairs = event.getKeyValuePairs() == null ? List.of() : event.getKeyValuePairs();
        return pairs.stream().collect(Collectors.toMap(pair -> pair.key, pair -> pair.value));
    }
}
