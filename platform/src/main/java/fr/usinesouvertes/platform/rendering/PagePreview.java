package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Instant;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.platform.http.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Renders the site from the drafts ({@code ContentStage.DRAFT}) for editors: what a page will look like once
 * published. The back office mounts it behind its login (e.g. {@code /admin/preview/*}) and calls
 * {@link #render(HttpServletRequest, HttpServletResponse, String)} with the site path; answers are never
 * cached ({@code Cache-Control: private, no-store}). Links inside the page are the public site's.
 */
public final class PagePreview {

    private static final String NO_STORE = CacheControl.PRIVATE;

    private final PageRenderer renderer;
    private final PageRenderer publicRenderer;
    private final ContentRepository repository;
    private final DamServlet assets;

    private final PublicUrl publicUrl;

    PagePreview(PageRenderer renderer, PageRenderer publicRenderer, ContentRepository repository, DamServlet assets,
                PublicUrl publicUrl) {
        this.renderer = renderer;
        this.publicRenderer = publicRenderer;
        this.repository = repository;
        this.assets = assets;
        this.publicUrl = publicUrl;
    }

    /**
     * Writes the draft page of a site path ({@code /}, {@code /salle-de-presse}, {@code /en/...}, as on the
     * public site) to the response: 200 with the HTML, or 404 with the site's not-found page.
     */
    public void render(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        PageServlet.serve(renderer, path == null || path.isEmpty() ? "/" : path, request, response, NO_STORE, 0,
                publicUrl.base());
    }

    /** The draft page of a site path as status, language and HTML, for callers that write it themselves. */
    public RenderedPage render(String path, Map<String, String[]> parameters) {
        return renderer.render(path == null || path.isEmpty() ? "/" : path, parameters);
    }

    /**
     * Writes the public page of a site path as it will be at {@code at}: the site as published now, with every
     * publication and unpublication scheduled until then applied in a session of its own that is never saved (what an
     * embargoed release will look like on the home page at its hour). Never cached.
     */
    public void renderAsOf(HttpServletRequest request, HttpServletResponse response, String path, Instant at,
                           Publishing publishing) throws IOException {
        Session session = repository.loginSystem();
        RenderedPage page;
        try {
            publishing.applyScheduledUntil(session, at);
            page = publicRenderer.render(session, path == null || path.isEmpty() ? "/" : path,
                    request.getParameterMap(), publicUrl.base());
        } catch (RepositoryException | RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(PagePreview.class).error("Previewing {} as of {} failed", path, at, e);
            String language = publicRenderer.localize(path == null ? "/" : path, publicUrl.base()).language();
            page = new RenderedPage(500, language, FallbackPages.serverError(language));
        } finally {
            session.logout(); // and with it every change the scheduled actions made
        }
        PageServlet.write(page, request, response, NO_STORE, 0);
    }

    /** The site path of a draft item in the page that shows its workspace's items, if the site has one. */
    public java.util.Optional<String> itemPath(String workspace, String itemName) {
        return renderer.detailLink(workspace, itemName);
    }

    /** Writes a draft asset; {@code assetPath} is what follows {@code /dam} in its link ({@code /jcr:<uuid>/<file>}). */
    public void asset(HttpServletRequest request, HttpServletResponse response, String assetPath) throws IOException {
        assets.serve(assetPath, request, response);
    }
}
