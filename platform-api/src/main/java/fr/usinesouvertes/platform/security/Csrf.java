package fr.usinesouvertes.platform.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Cross-site request forgery tokens: every form under {@code /admin/} (and the paths a module protects
 * with {@code ModuleContext.web().csrfProtect}) sends {@link #FIELD}, or scripts send the
 * {@link #HEADER}; {@link CsrfFilter} answers 403 to a POST, PUT, PATCH or DELETE without the right one.
 * The token is an HMAC of the session id, or before login of a random {@value #ANONYMOUS_COOKIE} cookie,
 * so it needs no server memory and is valid on every node. A multipart form (file upload) whose
 * servlet has no multipart configuration puts the token in its action's query string
 * ({@code action="...?_csrf=${csrf}"}), since the filter then cannot read the body.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    static final String ANONYMOUS_COOKIE = "uo_csrf";
    static final String ATTRIBUTE = Csrf.class.getName();

    private Csrf() {
    }

    /** The token to put in the request's forms; throws when the path is not under the CSRF filter. */
    public static String token(HttpServletRequest request) {
        Object token = request.getAttribute(ATTRIBUTE);
        if (token instanceof String text) {
            return text;
        }
        return expected(request).orElseThrow(() -> new IllegalStateException(
                "No CSRF token for " + request.getRequestURI() + ": the path is not protected by the CSRF filter"));
    }

    /** The token the request must carry: from its session, else from its anonymous cookie. */
    static Optional<String> expected(HttpServletRequest request) {
        WebSessions sessions = AuthenticationFilter.sessions(request);
        if (sessions == null) {
            return Optional.empty();
        }
        Object session = request.getAttribute(AuthenticationFilter.TOKEN_ATTRIBUTE);
        if (session instanceof SessionToken token) {
            return Optional.of(sessions.sign("csrf|session|" + token.id()));
        }
        return anonymousCookie(request).map(value -> sessions.sign("csrf|anonymous|" + value));
    }

    static Optional<String> anonymousCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (ANONYMOUS_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
