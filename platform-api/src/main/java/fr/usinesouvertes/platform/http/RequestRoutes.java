package fr.usinesouvertes.platform.http;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * Names the route a request took, for the HTTP metrics' {@code uri} tag: a template, never the raw path, so that
 * the metrics keep a bounded number of series. A servlet's mapping ({@code /admin/*}, {@code /} for pages), refined
 * under {@code /.rest/} by the JAX-RS resource's path template ({@code /.rest/delivery/{path: .*}}).
 */
final class RequestRoutes {

    /** The request attribute holding the route. */
    static final String ATTRIBUTE = RequestRoutes.class.getName();

    private RequestRoutes() {
    }

    /** The route of a finished request; {@code UNMATCHED} when no servlet took it (Jetty answered itself). */
    static String of(org.eclipse.jetty.server.Request request) {
        Object route = request.getAttribute(ATTRIBUTE);
        return route instanceof String name ? name : "UNMATCHED";
    }

    /** Notes the servlet mapping that serves each request. */
    static final class MappingFilter implements Filter {
        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (request instanceof HttpServletRequest http && http.getAttribute(ATTRIBUTE) == null) {
                HttpServletMapping mapping = http.getHttpServletMapping();
                if (mapping != null && mapping.getPattern() != null) {
                    http.setAttribute(ATTRIBUTE, mapping.getPattern().isEmpty() ? "/" : mapping.getPattern());
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Replaces {@code /.rest/*} by the matched resource's template once Jersey has matched it. */
    static final class JerseyTemplates implements ApplicationEventListener {
        private final String prefix;

        JerseyTemplates(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public void onEvent(ApplicationEvent event) {
            // nothing to do for the application's own events
        }

        @Override
        public RequestEventListener onRequest(RequestEvent start) {
            return event -> {
                if (event.getType() == RequestEvent.Type.REQUEST_MATCHED) {
                    event.getContainerRequest().setProperty(ATTRIBUTE, prefix + template(event));
                }
            };
        }

        private static String template(RequestEvent event) {
            List<String> templates = new ArrayList<>();
            event.getUriInfo().getMatchedTemplates().forEach(template -> templates.add(0, template.getTemplate()));
            StringBuilder path = new StringBuilder();
            for (String template : templates) {
                String part = template.startsWith("/") ? template : "/" + template;
                path.append(part.endsWith("/") && part.length() > 1 ? part.substring(0, part.length() - 1) : part);
            }
            String joined = path.toString().replaceAll("/{2,}", "/");
            return joined.isEmpty() ? "/" : joined;
        }
    }
}
