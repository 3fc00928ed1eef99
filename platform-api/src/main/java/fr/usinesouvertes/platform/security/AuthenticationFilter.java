package fr.usinesouvertes.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * Runs on every request: when the request carries a session cookie that {@link WebSessions} accepts,
 * makes its account the {@link CurrentAccount}, keeps the idle clock running and makes the answer
 * {@code private, no-store} ({@link PrivateResponse}: a logged-in editor never gets a cached page); a void cookie
 * is removed (only under {@code /admin/}, so that public pages stay free of {@code Set-Cookie}).
 */
public final class AuthenticationFilter extends HttpFilter {

    static final String SESSIONS_ATTRIBUTE = WebSessions.class.getName();
    static final String TOKEN_ATTRIBUTE = SessionToken.class.getName();

    private final WebSessions sessions;

    public AuthenticationFilter(WebSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        request.setAttribute(SESSIONS_ATTRIBUTE, sessions);
        Optional<String> cookie = sessionCookie(request);
        if (cookie.isPresent()) {
            Optional<WebSessions.Verified> verified = sessions.verify(cookie.get());
            if (verified.isPresent()) {
                CurrentAccount.set(request, verified.get().account());
                request.setAttribute(TOKEN_ATTRIBUTE, verified.get().token());
                sessions.refreshIfDue(verified.get().token(), request, response);
                chain.doFilter(request, new PrivateResponse(response));
                return;
            } else if (request.getRequestURI().startsWith("/admin/")) {
                sessions.clearCookie(request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** The platform's sessions, as the filter left them on the request ({@code null} outside the filter). */
    public static WebSessions sessions(HttpServletRequest request) {
        return (WebSessions) request.getAttribute(SESSIONS_ATTRIBUTE);
    }

    /** The verified session of the request, if logged in. */
    public static Optional<SessionToken> sessionToken(HttpServletRequest request) {
        return Optional.ofNullable((SessionToken) request.getAttribute(TOKEN_ATTRIBUTE));
    }

    private static Optional<String> sessionCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (WebSessions.COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return Optional.of(cookie.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
