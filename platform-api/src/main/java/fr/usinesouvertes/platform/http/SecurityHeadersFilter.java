package fr.usinesouvertes.platform.http;

import fr.usinesouvertes.platform.config.CoreSettings;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.util.UrlEncoded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First on every request, public site, back office and APIs alike: refuses a query string that is not valid
 * percent-encoded UTF-8 with a 400 (logged in one line, before any servlet trips over it), and gives every
 * answer the browser-side protections: the {@code content-security-policy} setting (scripts only from the
 * site's own files, no framing by other sites), {@code X-Content-Type-Options: nosniff},
 * {@code X-Frame-Options: SAMEORIGIN} for browsers without {@code frame-ancestors}, and a {@code Referrer-Policy}.
 * A servlet may still set a stricter policy of its own (uploaded files do).
 */
public final class SecurityHeadersFilter implements Filter {

    /** What the platform's own pages need (the setting's default): scripts, styles, images and fonts of the site's own. */
    public static final String DEFAULT_POLICY = CoreSettings.CONTENT_SECURITY_POLICY.defaultValue();

    private static final Logger LOG = LoggerFactory.getLogger(SecurityHeadersFilter.class);

    private final String policy;

    /** {@code policy}: the {@code Content-Security-Policy} of every answer. */
    public SecurityHeadersFilter(String policy) {
        this.policy = policy;
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        String query = request.getQueryString();
        if (query != null && !isWellEncoded(query)) {
            LOG.info("400 for {} {} from {}: the query string is not valid percent-encoded UTF-8", request.getMethod(),
                    request.getRequestURI(), request.getRemoteAddr());
            badQuery(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isWellEncoded(String query) {
        try {
            UrlEncoded.decodeTo(query, (name, value) -> { }, StandardCharsets.UTF_8);
            return true;
        } catch (RuntimeException e) { // Jetty's decoder says IllegalArgumentException or BadMessageException
            return false;
        }
    }

    private static void badQuery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        String body;
        if (request.getRequestURI().startsWith("/.rest/")) {
            response.setContentType("application/json;charset=utf-8");
            body = JsonMapper.mapper().writeValueAsString(new ErrorBody("badRequest",
                    "The query string is not valid: a '%' must be followed by two hexadecimal digits of UTF-8."));
        } else {
            response.setContentType("text/html;charset=utf-8");
            body = "<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur 400 — adresse invalide"
                    + "</title></head><body><h1>Adresse invalide</h1><p>L'adresse demandée contient un caractère mal "
                    + "encodé (un « % » doit être suivi de deux chiffres hexadécimaux).</p><p lang=\"en\">The address "
                    + "holds a badly encoded character.</p><p><a href=\"/\">Retour à l'accueil</a></p></body></html>";
        }
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}
