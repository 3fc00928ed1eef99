package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.PublicUrl;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/**
 * Renders a light-module template script as a page of the site for a URL a module serves itself (a form, its
 * answer), so that the page can include the site's own head, header and footer instead of a copy of them.
 *
 * <p>The script gets the variables of every page ({@code cmsfn}, {@code navfn}, {@code i18n}, {@code ctx},
 * {@code lang}, the modules' templating functions, ...), the site's home page in the URL's language as
 * {@code content} ({@code null} when the site has none), {@link #PAGE_PATH} (the URL path without its
 * {@code /en} prefix, for the language switch) and the module's own variables. The language is the URL's, as
 * for pages: {@code /en/...} is English, any other path French. {@code ctx.getParameter} sees the query
 * parameters of GET and HEAD requests only.
 */
public final class ModulePages {

    /** The variable holding the URL path without its language prefix, e.g. {@code /inscription/x/grand-public}. */
    public static final String PAGE_PATH = "pagePath";

    private final PageRenderer renderer;
    private final PublicUrl publicUrl;

    ModulePages(PageRenderer renderer, PublicUrl publicUrl) {
        this.renderer = renderer;
        this.publicUrl = publicUrl;
    }

    /**
     * Renders {@code script} (path from the light-modules root, e.g.
     * {@code /events/templates/registration/form.ftl}) for {@code request}'s URL with {@code variables}, which
     * may not reuse the name of a platform variable ({@link IllegalArgumentException}). The answer's status is
     * 200, or the one the script set ({@code ctx.response.setStatus}), or 500 with the site's plain error page
     * when the script fails (logged); the caller writes the answer and its headers.
     */
    public PageRenderer.RenderedPage render(HttpServletRequest request, String script, Map<String, Object> variables) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // a POST's fields are the module's to pass (and its body may be refused as too large): only GET and HEAD
        // show their query parameters to the script's ctx.getParameter
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Map<String, String[]> parameters = safe ? request.getParameterMap() : Map.of();
        return renderer.renderScript(path, parameters, publicUrl.base(), script, variables);
    }
}
