package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One CORS configuration of a site ({@code cors.<name>} in a site definition), with the properties of Magnolia's
 * {@code CorsConfiguration}: the request paths it covers ({@code uris.<name>.patternString}, {@code *} matching any
 * characters; none: every path), the origins, methods and request headers it allows ({@code *}: any), the response
 * headers a script may read, whether credentials (cookies) are allowed, and how long a browser may keep a preflight
 * answer.
 */
public record CorsRule(String name, List<Pattern> uris, List<String> allowedOrigins, List<String> allowedMethods,
                       List<String> allowedHeaders, List<String> exposedHeaders, boolean supportsCredentials,
                       long maxAgeSeconds) {

    /** The methods allowed when a rule names none: those a browser sends without asking first. */
    public static final List<String> DEFAULT_METHODS = List.of("GET", "HEAD", "POST");

    public CorsRule {
        uris = List.copyOf(uris);
        allowedOrigins = List.copyOf(allowedOrigins);
        allowedMethods = allowedMethods.isEmpty() ? DEFAULT_METHODS
                : allowedMethods.stream().map(m -> m.trim().toUpperCase(Locale.ROOT)).toList();
        allowedHeaders = List.copyOf(allowedHeaders);
        exposedHeaders = List.copyOf(exposedHeaders);
    }

    /** Whether the rule covers a request path (the path inside the platform, e.g. {@code /.rest/delivery/pages/v1}). */
    public boolean covers(String path) {
        if (uris.isEmpty()) {
            return true;
        }
        for (Pattern pattern : uris) {
            if (pattern.matcher(path).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code origin} (the request's {@code Origin} header) may read the answer. */
    public boolean allowsOrigin(String origin) {
        return allowsAnyOrigin() || allowedOrigins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
    }

    public boolean allowsAnyOrigin() {
        return allowedOrigins.contains("*");
    }

    public boolean allowsMethod(String method) {
        return allowedMethods.contains("*") || allowedMethods.contains(method.toUpperCase(Locale.ROOT));
    }

    /** Whether every header a preflight announces ({@code Access-Control-Request-Headers}) is allowed. */
    public boolean allowsHeaders(List<String> requested) {
        if (allowedHeaders.contains("*")) {
            return true;
        }
        return requested.stream().allMatch(h -> allowedHeaders.stream().anyMatch(a -> a.equalsIgnoreCase(h)));
    }

    /** A {@code patternString} as Magnolia's {@code SimpleUrlPattern} reads it: {@code *} any run of characters, {@code ?} one. */
    public static Pattern uriPattern(String pattern) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            if (c == '*' || c == '?') {
                regex.append(Pattern.quote(literal.toString())).append(c == '*' ? ".*" : ".");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        return Pattern.compile(regex.append(Pattern.quote(literal.toString())).toString());
    }
}
