package fr.usinesouvertes.platform.publishing.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.WebhookDefinition;
import fr.usinesouvertes.platform.http.JsonMapper;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the queued webhook calls (see {@link WebhookOutbox}), oldest first, on the one node holding the cluster job: a
 * 2xx answer removes the call; anything else (an error status, no answer within 10 seconds) tries again later, after 30
 * seconds, then twice as long each time up to an hour, {@value #MAX_ATTEMPTS} attempts in all; then the call is kept as
 * failed ({@code failed} is set) and logged as an error. A call whose webhook is no longer defined is failed at once.
 * Calls other than {@code GET} carry a JSON body describing the event.
 */
public final class WebhookSender {

    static final int MAX_ATTEMPTS = 8;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    private final ContentRepository repository;
    private final Definitions definitions;
    private final Clock clock;
    /** Built on the first call: a client loads the JVM's TLS trust store, which would otherwise lengthen every start. */
    private HttpClient http;

    public WebhookSender(ContentRepository repository, Definitions definitions, Clock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.clock = clock;
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    /** A queued call as read from the repository. */
    record Call(String path, String webhook, Map<String, String> event, long attempts) {
    }

    /** Makes every call due; returns how many succeeded. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Call> due = repository.read(session -> {
            List<Call> calls = new ArrayList<>();
            if (!session.nodeExists(WebhookOutbox.ROOT)) {
                return calls;
            }
            for (NodeIterator it = session.getNode(WebhookOutbox.ROOT).getNodes(); it.hasNext(); ) {
                Node call = it.nextNode();
                if (call.hasProperty("failed")
                        || call.getProperty("nextAttempt").getDate().toInstant().isAfter(now)) {
                    continue;
                }
                calls.add(new Call(call.getPath(), call.getProperty("webhook").getString(), Map.of(
                        "webhook", call.getProperty("webhook").getString(),
                        "event", call.getProperty("event").getString(),
                        "eventType", call.getProperty("eventType").getString(),
                        "workspace", call.getProperty("workspace").getString(),
                        "path", call.getProperty("path").getString(),
                        "id", call.getProperty("id").getString(),
                        "nodeType", call.getProperty("nodeType").getString(),
                        "at", call.getProperty("at").getDate().toInstant().toString()),
                        call.getProperty("attempts").getLong()));
            }
            calls.sort(java.util.Comparator.comparing(c -> c.event().get("at")));
            return calls;
        });
        int sent = 0;
        for (Call call : due) {
            Optional<WebhookDefinition> webhook = definitions.current().webhooks().stream()
                    .filter(w -> w.name().equals(call.webhook())).findFirst();
            String failure = webhook.isEmpty() ? "the webhook is no longer defined" : send(webhook.get(), call);
            if (failure == null) {
                sent++;
            }
            record(call, failure, webhook.isEmpty());
        }
        return sent;
    }

    /** Null when the call succeeded, else why it failed. */
    private String send(WebhookDefinition webhook, Call call) {
        StringBuilder url = new StringBuilder(webhook.url());
        String separator = webhook.url().contains("?") ? "&" : "?";
        for (Map.Entry<String, String> parameter : webhook.queryParameters().entrySet()) {
            url.append(separator).append(URLEncoder.encode(parameter.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = "&";
        }
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.toString())).timeout(TIMEOUT);
            webhook.headers().forEach(request::header);
            if (webhook.method().equals("GET")) {
                request.GET();
            } else {
                ObjectNode body = JsonMapper.mapper().createObjectNode();
                call.event().forEach(body::put);
                if (webhook.headers().keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Content-Type"))) {
                    request.header("Content-Type", "application/json");
                }
                request.method(webhook.method(), HttpRequest.BodyPublishers.ofString(body.toString()));
            }
            HttpResponse<Void> response = client().send(request.build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2 ? null : "answered " + response.statusCode();
        } catch (IOException | IllegalArgumentException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private void record(Call call, String failure, boolean hopeless) {
        repository.write(session -> {
            if (!session.nodeExists(call.path())) {
                return null;
            }
            Node node = session.getNode(call.path());
            if (failure == null) {
                LOG.info("Webhook {} called for {} {}:{}", call.webhook(), call.event().get("eventType"),
                        call.event().get("workspace"), call.event().get("path"));
                node.remove();
                return null;
            }
            long attempts = call.attempts() + 1;
            node.setProperty("attempts", attempts);
            node.setProperty("lastError", failure);
            if (hopeless || attempts >= MAX_ATTEMPTS) {
                node.setProperty("failed", calendar(clock.instant()));
                LOG.error("Webhook {} for {} {}:{} failed for good after {} attempts: {}", call.webhook(),
                        call.event().get("eventType"), call.event().get("workspace"), call.event().get("path"),
                        attempts, failure);
            } else {
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
                node.setProperty("nextAttempt", calendar(clock.instant().plus(
                        wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait)));
                LOG.warn("Webhook {} for {}:{} failed (attempt {} of {}), tried again later: {}", call.webhook(),
                        call.event().get("workspace"), call.event().get("path"), attempts, MAX_ATTEMPTS, failure);
            }
            return null;
        });
    }

    private static Calendar calendar(Instant instant) {
        return GregorianCalendar.from(instant.atZone(TimeZone.getTimeZone("UTC").toZoneId()));
    }
}
