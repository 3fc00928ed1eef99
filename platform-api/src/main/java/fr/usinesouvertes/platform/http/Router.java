package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.annotation.PluginApi;
import jakarta.servlet.ServletException;
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
 * <p>A pattern may end with a slash ({@code /{app}/}, which {@code /news} does not match) or with a rest segment
 * {@code {name...}} that takes the rest of the path, one segment or more, slashes kept: {@code /draft/{path...}}
 * matches {@code /draft/a/b.pdf} with {@code path} = {@code a/b.pdf} and {@code /draft/} with {@code path} empty.
 *
 * <p>Written here rather than taken from a library: JAX-RS does this for the REST resources, and the servlets that
 * render HTML pages need only this much (no regular expressions), without a framework of their own.
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
        void handle(HttpServletRequest request, HttpServletResponse response, Match<Page> route)
                throws IOException, ServletException;
    }

    /**
     * Runs the route of the request's method and path info, if any: false when none matches (the servlet then
     * answers its own "not found" page).
     */
    public static boolean dispatch(Router<Page> router, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<Match<Page>> route = router.find(request.getMethod(), request.getPathInfo());
        if (route.isEmpty()) {
            return false;
        }
        route.get().handler().handle(request, response, route.get());
        return true;
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

    /** Whether some route serves {@code method}, at any path. */
    public boolean hasRoutesFor(String method) {
        return routes.stream().anyMatch(route -> serves(route.method(), method));
    }

    private static boolean serves(String routeMethod, String method) {
        return routeMethod.equals(method) || (routeMethod.equals("GET") && "HEAD".equals(method));
    }

    private static Map<String, String> match(List<String> pattern, List<String> segments) {
        boolean rest = !pattern.isEmpty() && isRest(pattern.get(pattern.size() - 1));
        if (rest ? segments.size() < pattern.size() : pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String expected = pattern.get(i);
            String actual = segments.get(i);
            if (rest && i == pattern.size() - 1) {
                parameters.put(expected.substring(1, expected.length() - 4),
                        String.join("/", segments.subList(i, segments.size())));
            } else if (expected.startsWith("{") && expected.endsWith("}")) {
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

    private static boolean isRest(String segment) {
        return segment.startsWith("{") && segment.endsWith("...}");
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
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                boolean last = i == segments.size() - 1;
                if ((segment.isEmpty() && !last) // only a trailing slash leaves an empty segment
                        || (segment.contains("{") && !(segment.startsWith("{") && segment.endsWith("}")))
                        || (segment.contains("...") && !(last && isRest(segment) && segment.length() > 5))) {
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
