package fr.usinesouvertes.platform.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.slf4j.MDC;

/**
 * Gives every request an id that follows it through the logs: a valid incoming {@code X-Request-Id} (set by a load
 * balancer or a client: 1 to {@value #MAX_LENGTH} letters, digits, {@code . _ : -}), else a new random UUID. The id
 * is answered in the {@code X-Request-Id} header of every response, including Jetty's own error answers, and put in
 * the SLF4J MDC as {@value #MDC_KEY} while the request is served ({@link MdcFilter}), so each log line of the
 * request names it. Configured once on the connector, so the id is given before any servlet sees the request.
 */
public final class RequestIds implements HttpConfiguration.Customizer {

    /** The request and response header. */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key of the id in log lines. */
    public static final String MDC_KEY = "requestId";
    /** The longest incoming id accepted; a longer one is replaced by a new id. */
    static final int MAX_LENGTH = 128;
    /** The request attribute holding the id. */
    static final String ATTRIBUTE = RequestIds.class.getName();

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        responseHeaders.put(HEADER, assign(request));
        return request;
    }

    /**
     * The request's id, given now if it has none yet: Jetty answers a request it refuses as malformed (a bad URI)
     * without customizing it, through {@link PlatformErrorHandler}, which gives it its id this way.
     */
    static String assign(Request request) {
        if (request.getAttribute(ATTRIBUTE) instanceof String id) {
            return id;
        }
        String incoming = request.getHeaders().get(HEADER);
        String id = incoming != null && VALID.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    /** The id of a request, or {@code null} for one that never got any. */
    static String of(Request request) {
        return request.getAttribute(ATTRIBUTE) instanceof String id ? id : null;
    }

    /** Puts the request's id in the MDC while the servlets serve it, and takes it out after. */
    static final class MdcFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            Object id = request.getAttribute(ATTRIBUTE);
            if (!(id instanceof String value)) {
                chain.doFilter(request, response);
                return;
            }
            String previous = MDC.get(MDC_KEY);
            MDC.put(MDC_KEY, value);
            try {
                chain.doFilter(request, response);
            } finally {
                if (previous == null) {
                    MDC.remove(MDC_KEY);
                } else {
                    MDC.put(MDC_KEY, previous);
                }
            }
        }
    }
}
