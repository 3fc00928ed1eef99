package fr.usinesouvertes.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Called by Jetty once each request is complete (whatever answered it, a servlet, Jersey or Jetty's own error
 * handler):
 * <ul>
 * <li>records {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds}), a timer tagged with
 * the method, the route template ({@link RequestRoutes}) and the status class ({@code 2xx}…), all of bounded
 * cardinality;</li>
 * <li>with the {@code access-log} setting, writes one INFO line on the logger {@value #ACCESS_LOGGER}: method, path
 * (never the query string, whose values may be personal data), status, duration, bytes sent, and the request id
 * (in the MDC, and as key-value pairs for the JSON log format).</li>
 * </ul>
 */
final class RequestObserver implements RequestLog {

    /** The logger of the access log. */
    static final String ACCESS_LOGGER = "access";

    private static final Logger ACCESS = LoggerFactory.getLogger(ACCESS_LOGGER);
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final int MAX_PATH_LENGTH = 1000;

    private final MeterRegistry meters;
    private final boolean accessLog;

    /** {@code meters}: where the request timer goes ({@code null}: nowhere); {@code accessLog}: one line per request. */
    RequestObserver(MeterRegistry meters, boolean accessLog) {
        this.meters = meters;
        this.accessLog = accessLog;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = NanoTime.since(request.getBeginNanoTime());
        int status = response.getStatus();
        String method = METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
        if (meters != null) {
            Timer.builder("http.server.requests")
                    .description("HTTP requests answered, by method, route template and status class")
                    .tag("method", method)
                    .tag("uri", RequestRoutes.of(request))
                    .tag("status", statusClass(status))
                    .register(meters)
                    .record(Duration.ofNanos(nanos));
        }
        if (accessLog && ACCESS.isInfoEnabled()) {
            logAccess(request, response, method, status, nanos);
        }
    }

    private static void logAccess(Request request, Response response, String method, int status, long nanos) {
        String path = request.getHttpURI().getPath();
        if (path == null) {
            path = "";
        } else if (path.length() > MAX_PATH_LENGTH) {
            path = path.substring(0, MAX_PATH_LENGTH) + "…";
        }
        long millis = nanos / 1_000_000;
        long bytes = Response.getContentBytesWritten(response);
        String id = RequestIds.of(request);
        String previous = MDC.get(RequestIds.MDC_KEY);
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id);
        }
        try {
            ACCESS.atInfo().setMessage("{} {} {} {} ms {} B")
                    .addArgument(method).addArgument(path).addArgument(status).addArgument(millis).addArgument(bytes)
                    .addKeyValue("method", method).addKeyValue("path", path).addKeyValue("status", status)
                    .addKeyValue("durationMs", millis).addKeyValue("bytes", bytes)
                    .log();
        } finally {
            if (previous != null) {
                MDC.put(RequestIds.MDC_KEY, previous);
            } else {
                MDC.remove(RequestIds.MDC_KEY);
            }
        }
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "UNKNOWN";
    }
}
