package fr.usinesouvertes.platform.rendering;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves rendered pages as the default servlet ({@code /}): {@code text/html;charset=UTF-8},
 * {@code Content-Language}, an ETag with 304 answers, {@code Cache-Control: no-cache} (pages change
 * when editors publish; the ETag makes revalidation cheap). HEAD answers the same headers.
 */
public final class PageServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

    private final transient PageRenderer renderer;

    public PageServlet(PageRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        serve(renderer, path, request, response, "no-cache");
    }

    /** Renders {@code path} with {@code renderer} and writes the answer; {@code cacheControl} is the header's value. */
    static void serve(PageRenderer renderer, String path, HttpServletRequest request, HttpServletResponse response,
                      String cacheControl) throws IOException {
        PageRenderer.RenderedPage page;
        try {
            page = renderer.render(path, request.getParameterMap());
        } catch (RuntimeException e) {
            LOG.error("Rendering {} failed", path, e);
            String language = PageResolver.localize(path).language();
            page = new PageRenderer.RenderedPage(500, language, FallbackPages.serverError(language));
        }
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        String etag = HttpCaching.etagOf(body);
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Content-Language", page.language());
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (page.status() == 200) {
            response.setHeader("ETag", etag);
            if (HttpCaching.notModified(request, etag, 0)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8"); // Jetty writes the charset as utf-8: same charset
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
