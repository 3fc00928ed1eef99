package fr.usinesouvertes.platform.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.function.Supplier;

/**
 * {@code GET /.metrics}: the platform's meters in Prometheus' text format, for a scraper holding the
 * {@code metrics-token} setting, sent as {@code Authorization: Bearer <token>}. Without the setting the endpoint
 * does not exist (404); a missing or wrong token answers 401 with {@code WWW-Authenticate: Bearer}. Tokens are
 * compared through their SHA-256 digests with {@link MessageDigest#isEqual}, in a time that says nothing of how
 * much of a guess was right.
 */
public final class MetricsServlet extends HttpServlet {

    /** Where the servlet is mounted. */
    public static final String PATH_SPEC = "/.metrics";

    private static final String BEARER = "Bearer ";

    private final Supplier<String> scrape;
    private final String contentType;
    private final byte[] tokenDigest;

    /**
     * @param scrape      the meters in the exposition format
     * @param contentType that format's media type
     * @param token       the token a scraper must send; {@code null} when the endpoint is off
     */
    public MetricsServlet(Supplier<String> scrape, String contentType, String token) {
        this.scrape = scrape;
        this.contentType = contentType;
        this.tokenDigest = token == null ? null : sha256(token);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        if (tokenDigest == null) {
            plain(response, HttpServletResponse.SC_NOT_FOUND, "Not found\n");
            return;
        }
        if (!authorized(request.getHeader("Authorization"))) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"metrics\"");
            plain(response, HttpServletResponse.SC_UNAUTHORIZED, "A bearer token is needed\n");
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        response.getOutputStream().write(scrape.get().getBytes(StandardCharsets.UTF_8));
    }

    private boolean authorized(String header) {
        if (header == null || header.length() <= BEARER.length()
                || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(BEARER.length()).trim()));
    }

    private static void plain(HttpServletResponse response, int status, String text) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
