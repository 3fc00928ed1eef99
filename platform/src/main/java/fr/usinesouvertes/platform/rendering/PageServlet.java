package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.platform.http.PublicUrl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves rendered pages as the default servlet ({@code /}): {@code text/html;charset=UTF-8},
 * {@code Content-Language}, an ETag and {@code Last-Modified} (the last repository or definition
 * change) with 304 answers, {@code Cache-Control: public, max-age=60, must-revalidate} (a shared cache
 * may serve a page for a minute after a publication, then revalidates cheaply). Error pages are
 * {@code no-cache}. HEAD answers the same headers.
 */
public final class PageServlet extends HttpServlet {

    private static final Logger LOG = LoggerFactory.getLogger(PageServlet.class);

    static final String PAGE_CACHE_CONTROL = CacheControl.PAGE;
    private static final String FEEDS = "/feeds/";

    private final transient PageRenderer renderer;
    private final transient ChangeTime changeTime;
    private final transient PublicUrl publicUrl;
    /** The feeds, for {@code /<locale>/feeds/...} in a language of the site other than its default one. */
    private final transient FeedServlet feeds;

    /** {@code publicUrl}: the base of the templates' absolute URLs. */
    PageServlet(PageRenderer renderer, ChangeTime changeTime, PublicUrl publicUrl, FeedServlet feeds) {
        this.renderer = renderer;
        this.changeTime = changeTime;
        this.publicUrl = publicUrl;
        this.feeds = feeds;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // the site whose domains name the request's host, at that address; else the site of public-url
        String base = publicUrl.baseFor(request.getServerName(), renderer::isSiteDomain);
        PageResolver.LocalizedPath localized = renderer.localize(path, base);
        if (localized.path().startsWith(FEEDS) && !localized.path().equals(path)) {
            feeds.serve(request, response, localized.language(), localized.path().substring(FEEDS.length() - 1));
            return;
        }
        serve(renderer, path, request, response, PAGE_CACHE_CONTROL, changeTime.lastModified(), base);
    }

    /**
     * Renders {@code path} with {@code renderer} and writes the answer: {@code cacheControl} for a 200 page
     * (error pages are {@code no-cache}), {@code Last-Modified} when {@code lastModified} is positive,
     * {@code publicUrl} for the templates' absolute URLs.
     */
    static void serve(PageRenderer renderer, String path, HttpServletRequest request, HttpServletResponse response,
                      String cacheControl, long lastModified, String publicUrl) throws IOException {
        RenderedPage page;
        try {
            page = renderer.render(path, request.getParameterMap(), publicUrl);
        } catch (RuntimeException e) {
            LOG.error("Rendering {} failed", path, e);
            String language = renderer.localize(path, publicUrl).language();
            page = new RenderedPage(500, language, FallbackPages.serverError(language));
        }
        write(page, request, response, cacheControl, lastModified);
    }

    /** Writes a rendered page with its validators; answers 304 when the client's copy is current. */
    static void write(RenderedPage page, HttpServletRequest request, HttpServletResponse response, String cacheControl,
                      long lastModified) throws IOException {
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        String etag = HttpCaching.etagOf(body);
        response.setHeader("Content-Language", page.language().replace('_', '-'));
        response.setHeader("X-Content-Type-Options", "nosniff");
        if (page.status() != 200) {
            response.setHeader("Cache-Control", cacheControl.contains("no-store") ? cacheControl : CacheControl.REVALIDATE);
        } else if (HttpCaching.answeredNotModified(request, response, etag, lastModified, cacheControl)) {
            return;
        }
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8"); // Jetty writes the charset as utf-8: same charset
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
