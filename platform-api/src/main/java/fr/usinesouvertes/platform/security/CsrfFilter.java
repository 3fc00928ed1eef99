package fr.usinesouvertes.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Answers 403 to a state-changing request (POST, PUT, PATCH, DELETE) without the request's CSRF token
 * in the {@code _csrf} form field or the {@code X-CSRF-Token} header; on other requests, makes sure a
 * visitor who is not logged in has the anonymous cookie the login form's token derives from.
 */
public final class CsrfFilter extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final SecureRandom RANDOM = new SecureRandom();

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> expected = Csrf.expected(request);
        if (SAFE.contains(request.getMethod())) {
            if (expected.isEmpty()) {
                expected = Optional.of(issueAnonymousCookie(request, response));
            }
            request.setAttribute(Csrf.ATTRIBUTE, expected.get());
            chain.doFilter(request, response);
            return;
        }
        String sent = sentToken(request);
        if (expected.isEmpty() || sent == null || !MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.US_ASCII),
                sent.getBytes(StandardCharsets.US_ASCII))) {
            reject(request, response);
            return;
        }
        request.setAttribute(Csrf.ATTRIBUTE, expected.get());
        chain.doFilter(request, response);
    }

    private static String sentToken(HttpServletRequest request) {
        String header = request.getHeader(Csrf.HEADER);
        if (header != null) {
            return header;
        }
        try {
            return request.getParameter(Csrf.FIELD);
        } catch (RuntimeException e) {
            return null; // e.g. a multipart body the servlet has no multipart configuration for
        }
    }

    private static String issueAnonymousCookie(HttpServletRequest request, HttpServletResponse response) {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(Csrf.ANONYMOUS_COOKIE, value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        WebSessions sessions = AuthenticationFilter.sessions(request);
        cookie.setSecure(sessions != null && sessions.isSecure(request));
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        String token = sessions.sign("csrf|anonymous|" + value);
        return token;
    }

    private static void reject(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        String accept = request.getHeader("Accept");
        if (request.getRequestURI().startsWith("/.rest/") || (accept != null && accept.contains("application/json")
                && !accept.contains("text/html"))) {
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write("{\"code\":\"csrf\",\"message\":\"Missing or invalid CSRF token ("
                    + Csrf.FIELD + " field or " + Csrf.HEADER + " header)\"}");
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        response.getWriter().write("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Requête refusée</title></head>
                <body><main><h1>Requête refusée</h1>
                <p>Le formulaire a expiré ou ne vient pas de ce site. Rechargez la page et recommencez.</p>
                <p lang="en">The form expired or did not come from this site. Reload the page and try again.</p>
                </main></body></html>""");
    }
}
