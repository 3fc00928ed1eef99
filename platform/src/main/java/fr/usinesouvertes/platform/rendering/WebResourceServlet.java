package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.CacheControl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;

/**
 * Serves light modules' web resources at {@code /.resources/<module>/webresources/<path>} with their
 * content type, an ETag, {@code Last-Modified}, {@code Cache-Control: public, max-age=3600} (a year and
 * {@code immutable} when the link's {@code ?v=} names the file's current version) and 304 answers. Paths with {@code ..}, encoded separators or dots, or backslashes are answered 404.
 */
public final class WebResourceServlet extends HttpServlet {

    static final int MAX_AGE_SECONDS = 3600;
    /** The {@code Cache-Control} of a public file whose address does not change with its content. */
    static final String FILE = CacheControl.publicFor(java.time.Duration.ofSeconds(MAX_AGE_SECONDS));
    /** For fingerprinted links ({@code ?v=} naming the file's version, as {@code resfn.cachedCss} writes them). */
    static final String IMMUTABLE = CacheControl.IMMUTABLE;

    private final transient WebResources resources;

    public WebResourceServlet(WebResources resources) {
        this.resources = resources;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String raw = request.getRequestURI().toLowerCase(Locale.ROOT);
        String path = request.getPathInfo();
        if (path == null || raw.contains("%2e") || raw.contains("%2f") || raw.contains("%5c") || raw.contains("%00")
                || raw.contains("..")) {
            notFound(response);
            return;
        }
        Optional<WebResources.Resource> resource = resources.find(path);
        if (resource.isEmpty()) {
            notFound(response);
            return;
        }
        long lastModified = resource.get().lastModified();
        long size = resource.get().size();
        String etag = "\"" + Long.toString(lastModified, 36) + "-" + Long.toString(size, 36) + "\"";
        String version = request.getParameter("v");
        boolean fingerprinted = version != null && version.equals(Long.toString(lastModified, 36));
        if (HttpCaching.answeredNotModified(request, response, etag, lastModified, fingerprinted ? IMMUTABLE : FILE)) {
            return;
        }
        response.setContentType(MediaTypes.of(path));
        if (size >= 0) {
            response.setContentLengthLong(size);
        }
        try (InputStream in = resource.get().open()) {
            in.transferTo(response.getOutputStream());
        }
    }

    static void notFound(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("Not found");
    }
}
