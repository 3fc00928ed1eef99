package fr.usinesouvertes.platform.rendering;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends a document generated from the content (sitemap, robots.txt, feeds) with the caching headers
 * of pages: ETag, {@code Last-Modified} of the last change, {@code Cache-Control} and 304 answers.
 */
final class GeneratedAnswer {

    private GeneratedAnswer() {
    }

    static void send(HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body,
                     ChangeTime changeTime) throws IOException {
        send(request, response, contentType, body, HttpCaching.etagOf(body), changeTime);
    }

    /** The same with the body's ETag already computed ({@link HttpCaching#etagOf(byte[])}), for cached bodies. */
    static void send(HttpServletRequest request, HttpServletResponse response, String contentType, byte[] body,
                     String etag, ChangeTime changeTime) throws IOException {
        if (HttpCaching.answeredNotModified(request, response, etag, changeTime.lastModified(),
                PageServlet.PAGE_CACHE_CONTROL)) {
            return;
        }
        response.setContentType(contentType);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
