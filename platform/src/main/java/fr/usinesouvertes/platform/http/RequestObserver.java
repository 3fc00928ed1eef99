package fr.usinesouvertes.platform.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.NanoTime;

/**
 * Called by Jetty once each request is complete (whatever answered it, a servlet, Jersey or Jetty's own error
 * handler): records {@code http.server.requests} (Prometheus: {@code http_server_requests_seconds}), a timer tagged
 * with the method, the route template ({@link RequestRoutes}) and the status class ({@code 2xx}…), all of bounded
 * cardinality.
 */
final class RequestObserver implements RequestLog {

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final MeterRegistry meters;

    RequestObserver(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void log(Request request, Response response) {
        long nanos = NanoTime.since(request.getBeginNanoTime());
        int status = response.getStatus();
        Timer.builder("http.server.requests")
                .description("HTTP requests answered, by method, route template and status class")
                .tag("method", METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER")
                .tag("uri", RequestRoutes.of(request))
                .tag("status", statusClass(status))
                .register(meters)
                .record(Duration.ofNanos(nanos));
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "UNKNOWN";
    }
}
