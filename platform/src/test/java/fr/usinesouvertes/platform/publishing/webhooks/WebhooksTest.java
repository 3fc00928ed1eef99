package fr.usinesouvertes.platform.publishing.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import fr.usinesouvertes.platform.definition.Problem;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.testing.MutableClock;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks in Magnolia's format ({@code src/test/resources/webhooks-modules}) called on publication, once, with retries,
 * against a real HTTP server standing for the outside world (a static front end's build hook).
 */
class WebhooksTest {

    /** What the outside world received: method, path with query, the X-Hook header and the body. */
    record Received(String method, String target, String hook, String body) {
    }

    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_TO_ANSWER = new AtomicInteger();
    private static final HttpServer OUTSIDE = outside();
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(modulesCallingTheOutside())
            .inMemory().clock(CLOCK);

    @BeforeAll
    static void pages() {
        PLATFORM.platform().repository().write(session -> {
            for (String path : List.of("/site", "/site/news", "/site/old-offer", "/other", "/hooked")) {
                javax.jcr.Node page = session.getNode(path.substring(0, path.lastIndexOf('/')).isEmpty() ? "/website"
                        : "/website" + path.substring(0, path.lastIndexOf('/'))).addNode(path.substring(path.lastIndexOf('/') + 1),
                        "mgnl:page");
                page.setProperty("mgnl:template", "hooks:pages/page");
                page.setProperty("title", path);
            }
            return null;
        });
    }

    @BeforeEach
    void forget() {
        RECEIVED.clear();
    }

    @AfterAll
    static void stopOutside() {
        OUTSIDE.stop(0);
    }

    @Test
    void aPublicationCallsTheWebhooksWhoseEventMatchesOnceWithTheEvent() throws Exception {
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/site", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1);
        Received call = RECEIVED.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.target()).isEqualTo("/build?token=abc");
        assertThat(call.hook()).isEqualTo("yes");
        JsonNode event = JsonMapper.mapper().readTree(call.body());
        assertThat(event.get("webhook").asText()).isEqualTo("rebuild");
        assertThat(event.get("event").asText()).isEqualTo("goLive");
        assertThat(event.get("eventType").asText()).isEqualTo("Published");
        assertThat(event.get("path").asText()).isEqualTo("/site");
        assertThat(event.get("nodeType").asText()).isEqualTo("mgnl:page");
        String id = PLATFORM.platform().repository().read(session -> session.getNode("/website/site").getIdentifier());
        assertThat(event.get("id").asText()).isEqualTo(id);
        // made once: nothing left queued, nothing sent again
        Thread.sleep(3_000);
        assertThat(RECEIVED).hasSize(1);
        assertThat(queued()).isZero();

        // a page outside the filter calls nothing
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/other", false);
        Thread.sleep(3_000);
        assertThat(RECEIVED).hasSize(1);
    }

    @Test
    void anUnpublicationCallsTheUnpublishedEventsAndAGetCarriesNoBody() {
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/site", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1);
        RECEIVED.clear();
        PLATFORM.platform().publishing().unpublish("editor@example.fr", "website", "/site/old-offer");
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 2);
        assertThat(RECEIVED).extracting(Received::method, Received::target)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("POST", "/build?token=abc"),
                        org.assertj.core.groups.Tuple.tuple("GET", "/notify"));
        assertThat(RECEIVED).filteredOn(r -> r.method().equals("GET")).singleElement()
                .extracting(Received::body).isEqualTo("");
    }

    @Test
    void aFailedCallIsTriedAgainLaterUntilTheOutsideAnswers() {
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/site", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1);
        RECEIVED.clear();
        FAILURES_TO_ANSWER.set(1);
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/site/news", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1); // answered 500
        // the sender records the failure just after the outside answered
        await().atMost(Duration.ofSeconds(10)).until(() -> lastError() != null);
        assertThat(lastError()).isEqualTo("answered 500");
        CLOCK.advance(Duration.ofSeconds(31));
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 0);
    }

    @Test
    void webhooksThatCannotBeCalledAreReportedAndADisabledOneIsNeverCalled() {
        assertThat(PLATFORM.platform().definitions().current().webhooks()).extracting(w -> w.name())
                .containsExactlyInAnyOrder("rebuild", "notify", "disabled", "named-client");
        assertThat(PLATFORM.platform().definitions().current().problems())
                .filteredOn(p -> p.definitionId() != null && p.definitionId().startsWith("hooks:"))
                .extracting(Problem::definitionId, Problem::severity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("hooks:bad-filter", "error"),
                        org.assertj.core.groups.Tuple.tuple("hooks:missing-client", "error"));
    }

    @Test
    void aWebhookNamingARestClientCallsItsCallWithItsPathHeadersAndTheWebhooksParameters() {
        PLATFORM.platform().publishing().publish("editor@example.fr", "website", "/hooked", false);
        await().atMost(Duration.ofSeconds(20)).until(() -> RECEIVED.size() == 1);
        Received call = RECEIVED.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.target()).isEqualTo("/hooks/site%2042?source=magnolia");
        assertThat(call.hook()).isEqualTo("netlify");
        assertThat(call.body()).contains("\"webhook\":\"named-client\"", "\"path\":\"/hooked\"");
    }

    /** The failure recorded on the one queued call, or null while none is. */
    private static String lastError() {
        return PLATFORM.platform().repository().read(session -> {
            javax.jcr.NodeIterator calls = session.getNode(WebhookOutbox.ROOT).getNodes();
            javax.jcr.Node call = calls.hasNext() ? calls.nextNode() : null;
            return call != null && call.hasProperty("lastError") ? call.getProperty("lastError").getString() : null;
        });
    }

    private static long queued() {
        return PLATFORM.platform().repository().read(session -> session.nodeExists(WebhookOutbox.ROOT)
                ? session.getNode(WebhookOutbox.ROOT).getNodes().getSize() : 0L);
    }

    private static HttpServer outside() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                RECEIVED.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst("X-Hook"), body));
                int status = FAILURES_TO_ANSWER.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture modules, copied with the outside server's port in their URLs. */
    private static Path modulesCallingTheOutside() {
        try {
            Path source = Path.of("src/test/resources/webhooks-modules");
            Path target = Files.createTempDirectory("webhooks-modules");
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.writeString(copy, Files.readString(file)
                                .replace("${PORT}", Integer.toString(OUTSIDE.getAddress().getPort())));
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
