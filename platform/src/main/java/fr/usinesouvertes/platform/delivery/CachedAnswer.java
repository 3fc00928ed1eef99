package fr.usinesouvertes.platform.delivery;

import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A JSON answer ready to send again: its bytes and a strong {@code ETag} (a hash of the bytes). Sent with
 * {@code Cache-Control: no-cache}, so clients revalidate each time and get a 304 while nothing changed.
 */
record CachedAnswer(byte[] body, String etag) {

    static final String JSON_UTF8 = "application/json;charset=utf-8";

    static CachedAnswer of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new CachedAnswer(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** 304 when {@code ifNoneMatch} names this answer's ETag (or is {@code *}), else 200 with the body. */
    Response toResponse(String ifNoneMatch) {
        if (matches(ifNoneMatch)) {
            return Response.notModified().header("ETag", etag).header("Cache-Control", "no-cache")
                    .header("Vary", "Accept-Language").build();
        }
        return Response.ok(body, JSON_UTF8).header("ETag", etag).header("Cache-Control", "no-cache")
                .header("Vary", "Accept-Language").build();
    }

    private boolean matches(String ifNoneMatch) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2); // weak comparison, as RFC 9110 asks for If-None-Match
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
