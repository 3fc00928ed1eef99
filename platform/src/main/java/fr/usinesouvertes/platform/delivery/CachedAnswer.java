package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.http.CacheControl;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;

/**
 * A JSON answer ready to send again: its bytes, a strong {@code ETag} (a hash of the bytes) and, as
 * {@code Last-Modified}, when it was computed (the cache is emptied on every change, so no change is
 * newer). Sent with {@code Cache-Control: no-cache}, so clients revalidate each time and get a 304
 * while nothing changed.
 */
record CachedAnswer(byte[] body, String etag, long lastModified) {

    static final String JSON_UTF8 = "application/json;charset=utf-8";
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    static CachedAnswer of(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return new CachedAnswer(body, "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"",
                    System.currentTimeMillis() / 1000 * 1000);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    /** 304 when {@code ifNoneMatch} names this answer's ETag (or is {@code *}), else 200 with the body. */
    Response toResponse(String ifNoneMatch) {
        return toResponse(ifNoneMatch, null);
    }

    /**
     * 304 when {@code ifNoneMatch} names this answer's ETag, or, without {@code If-None-Match}, when
     * {@code ifModifiedSince} (an HTTP date) is not older than this answer; else 200 with the body.
     */
    Response toResponse(String ifNoneMatch, String ifModifiedSince) {
        boolean current = ifNoneMatch != null ? matches(ifNoneMatch) : notModifiedSince(ifModifiedSince);
        Response.ResponseBuilder response = current ? Response.notModified() : Response.ok(body, JSON_UTF8);
        return response.header("ETag", etag).header("Last-Modified", HTTP_DATE.format(Instant.ofEpochMilli(lastModified)))
                .header("Cache-Control", CacheControl.REVALIDATE).header("Vary", "Accept-Language").build();
    }

    private boolean notModifiedSince(String ifModifiedSince) {
        if (ifModifiedSince == null) {
            return false;
        }
        try {
            return lastModified <= ZonedDateTime.parse(ifModifiedSince.trim(), HTTP_DATE).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return false; // an unreadable date is ignored, as RFC 9110 asks
        }
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
