package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Routes a servlet's requests by method and path (its path info, e.g. {@code /sites/forge/fiche}) to handlers,
 * with {@code {name}} segments as parameters: {@code /sites/{slug}/fiche}. The first route declared that matches
 * wins, so a literal route ({@code /sites/nouveau}) is declared before the parameter route it would also match.
 *
 * <p>Written here rather than taken from a library: JAX-RS does this for the REST resources, and the servlets that
 * render HTML pages need only this much (no regular expressions, no wildcards), without a framework of their own.
 *
 * @param <H> the servlet's handler type
 */
@PluginApi
public final class Router<H> {

    /** A route found: its handler and the values of its {@code {name}} segments. */
    public record Match<H>(H handler, Map<String, String> parameters) {

        /** The value of the segment {@code {name}}. */
        public String get(String name) {
            String value = parameters.get(name);
            if (value == null) {
                throw new IllegalArgumentException("The route has no segment {" + name + "}");
            }
            return value;
        }
    }

    /**
     * The handler most servlets route to: the request, the answer and the route's segments (a servlet that also
     * needs, say, the logged-in company declares its own handler type).
     */
    @FunctionalInterface
    public interface Page {
        void handle(HttpServletRequest request, HttpServletResponse response, Match<Page> route) throws IOException;
    }

    private record Route<H>(String method, List<String> segments, H handler) {
    }

    private final List<Route<H>> routes;

    private Router(List<Route<H>> routes) {
        this.routes = List.copyOf(routes);
    }

    public static <H> Builder<H> builder() {
        return new Builder<>();
    }

    /** The route for {@code method} (GET also serves HEAD) and {@code path} ({@code null} is {@code /}), if any. */
    public Optional<Match<H>> find(String method, String path) {
        List<String> segments = segments(path);
        for (Route<H> route : routes) {
            if (serves(route.method(), method)) {
                Map<String, String> parameters = match(route.segments(), segments);
                if (parameters != null) {
                    return Optional.of(new Match<>(route.handler(), parameters));
                }
            }
        }
        return Optional.empty();
    }

    /** The methods some route serves at {@code path}: empty means 404, otherwise a missing method is 405. */
    public Set<String> allowedMethods(String path) {
        List<String> segments = segments(path);
        Set<String> methods = new LinkedHashSet<>();
        for (Route<H> route : routes) {
            if (match(route.segments(), segments) != null) {
                methods.add(route.method());
                if (route.method().equals("GET")) {
                    methods.add("HEAD");
                }
            }
        }
        return methods;
    }

    private static boolean serves(String routeMethod, String method) {
        return routeMethod.equals(method) || (routeMethod.equals("GET") && "HEAD".equals(method));
    }

    private static Map<String, String> match(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = segments.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                parameters.put(expected.substring(1, expected.length() - 1), actual);
            } else if (!expected.equals(actual)) {
                return null;
            }
        }
        return parameters;
    }

    /** {@code /a/b} → [a, b]; {@code /} and {@code null} → []; a trailing slash keeps an empty last segment. */
    static List<String> segments(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return List.of();
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return List.of(relative.split("/", -1));
    }

    /** Declares routes in order. */
    public static final class Builder<H> {

        private final List<Route<H>> routes = new ArrayList<>();

        private Builder() {
        }

        public Builder<H> get(String pattern, H handler) {
            return route("GET", pattern, handler);
        }

        public Builder<H> post(String pattern, H handler) {
            return route("POST", pattern, handler);
        }

        public Builder<H> route(String method, String pattern, H handler) {
            List<String> segments = segments(pattern);
            for (String segment : segments) {
                if (segment.isEmpty() || (segment.contains("{") && !(segment.startsWith("{") && segment.endsWith("}")))) {
                    throw new IllegalArgumentException("Malformed route " + pattern);
                }
            }
            routes.add(new Route<>(method, segments, handler));
            return this;
        }

        public Router<H> build() {
            return new Router<>(routes);
        }
    }
}
