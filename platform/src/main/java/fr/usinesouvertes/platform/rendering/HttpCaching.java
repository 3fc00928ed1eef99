package fr.usinesouvertes.platform.rendering;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Conditional GET: ETags, the caching headers, and whether a request's validators say the client's copy is still current. */
final class HttpCaching {

    private HttpCaching() {
    }

    /** A strong ETag of some bytes. */
    static String etagOf(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String etagOf(String text) {
        return etagOf(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sets the validators and caching headers of a file or a document ({@code ETag}, {@code Last-Modified} when
     * {@code lastModified} is known, {@code Cache-Control}, {@code nosniff}) and answers 304 when the client's copy is
     * current: true then, and the caller writes no body.
     */
    static boolean answeredNotModified(HttpServletRequest request, HttpServletResponse response, String etag,
                                       long lastModified, String cacheControl) {
        response.setHeader("ETag", etag);
        if (lastModified > 0) {
            response.setDateHeader("Last-Modified", lastModified);
        }
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (notModified(request, etag, lastModified)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return true;
        }
        return false;
    }

    /**
     * True when the client's copy is current: its {@code If-None-Match} names the ETag, or, without
     * {@code If-None-Match}, its {@code If-Modified-Since} is not older than {@code lastModified} (ms; 0 if unknown).
     */
    static boolean notModified(HttpServletRequest request, String etag, long lastModified) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                if (tag.startsWith("W/")) {
                    tag = tag.substring(2);
                }
                if (tag.equals("*") || tag.equals(etag)) {
                    return true;
                }
            }
            return false;
        }
        if (lastModified > 0) {
            try {
                long since = request.getDateHeader("If-Modified-Since");
                return since >= 0 && lastModified / 1000 <= since / 1000;
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }
}
