package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.definition.CorsRule;
import fr.usinesouvertes.platform.definition.Definitions;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Cross-origin requests, answered from the CORS rules of the site (the {@code cors} of its site definition, as
 * Magnolia's site-aware CORS filter reads them): the first rule covering the request's path decides. A preflight
 * ({@code OPTIONS} with {@code Access-Control-Request-Method}) from an allowed origin, for an allowed method and
 * headers, is answered here with 204 and the {@code Access-Control-Allow-*} headers; any other preflight the rule
 * covers gets 403. A request from an allowed origin goes on with {@code Access-Control-Allow-Origin} (the origin
 * itself when credentials are allowed or the rule names origins; {@code *} otherwise), credentials and exposed
 * headers; from another origin it goes on without them, so the browser keeps the answer from the calling script.
 * Without a rule (the default), nothing changes: same-origin only.
 */
public final class CorsFilter implements Filter {

    private final Definitions definitions;
    private final PublicUrl publicUrl;

    public CorsFilter(Definitions definitions, PublicUrl publicUrl) {
        this.definitions = definitions;
        this.publicUrl = publicUrl;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String origin = request.getHeader("Origin");
        Optional<CorsRule> rule = origin == null ? Optional.empty() : rule(request.getRequestURI(), request.getServerName());
        if (rule.isEmpty()) {
            chain.doFilter(req, res);
            return;
        }
        response.addHeader("Vary", "Origin");
        String requestedMethod = request.getHeader("Access-Control-Request-Method");
        boolean preflight = "OPTIONS".equals(request.getMethod()) && requestedMethod != null;
        if (preflight) {
            preflight(request, response, rule.get(), origin, requestedMethod);
            return;
        }
        if (rule.get().allowsOrigin(origin) && rule.get().allowsMethod(request.getMethod())) {
            allowOrigin(response, rule.get(), origin);
            if (!rule.get().exposedHeaders().isEmpty()) {
                response.setHeader("Access-Control-Expose-Headers", String.join(", ", rule.get().exposedHeaders()));
            }
        }
        chain.doFilter(req, new VaryOrigin(response));
    }

    private void preflight(HttpServletRequest request, HttpServletResponse response, CorsRule rule, String origin,
                           String requestedMethod) {
        List<String> requestedHeaders = headerList(request.getHeader("Access-Control-Request-Headers"));
        if (!rule.allowsOrigin(origin) || !rule.allowsMethod(requestedMethod) || !rule.allowsHeaders(requestedHeaders)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        allowOrigin(response, rule, origin);
        response.setHeader("Access-Control-Allow-Methods", rule.allowedMethods().contains("*")
                ? requestedMethod : String.join(", ", rule.allowedMethods()));
        if (!requestedHeaders.isEmpty()) {
            response.setHeader("Access-Control-Allow-Headers", rule.allowedHeaders().contains("*")
                    ? String.join(", ", requestedHeaders) : String.join(", ", rule.allowedHeaders()));
        }
        if (rule.maxAgeSeconds() > 0) {
            response.setHeader("Access-Control-Max-Age", Long.toString(rule.maxAgeSeconds()));
        }
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private static void allowOrigin(HttpServletResponse response, CorsRule rule, String origin) {
        boolean echo = rule.supportsCredentials() || !rule.allowsAnyOrigin();
        response.setHeader("Access-Control-Allow-Origin", echo ? origin : "*");
        if (rule.supportsCredentials()) {
            response.setHeader("Access-Control-Allow-Credentials", "true");
        }
    }

    private Optional<CorsRule> rule(String path, String requestHost) {
        var registry = definitions.current();
        return registry.site(publicUrl.hostFor(requestHost, registry::isSiteDomain)).stream()
                .flatMap(site -> site.cors().stream())
                .filter(rule -> rule.covers(path))
                .findFirst();
    }

    /** Keeps {@code Origin} in {@code Vary} when the resource sets its own {@code Vary} (the Delivery API does). */
    private static final class VaryOrigin extends HttpServletResponseWrapper {

        VaryOrigin(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "Vary".equalsIgnoreCase(name) ? withOrigin(value) : value);
        }

        private static String withOrigin(String vary) {
            if (vary == null || vary.isBlank()) {
                return "Origin";
            }
            boolean present = Arrays.stream(vary.split(",")).anyMatch(v -> v.trim().equalsIgnoreCase("Origin"));
            return present ? vary : vary + ", Origin";
        }
    }

    private static List<String> headerList(String header) {
        return header == null ? List.of() : Arrays.stream(header.split(","))
                .map(String::trim).filter(h -> !h.isEmpty()).toList();
    }
}
