package fr.usinesouvertes.platform.module;

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
public interface ModulePages {

    /** The variable holding the URL path without its language prefix, e.g. {@code /inscription/x/grand-public}. */
    String PAGE_PATH = "pagePath";

    /**
     * Renders {@code script} (path from the light-modules root, e.g.
     * {@code /events/templates/registration/form.ftl}) for {@code request}'s URL with {@code variables}, which
     * may not reuse the name of a platform variable ({@link IllegalArgumentException}). The answer's status is
     * 200, or the one the script set ({@code ctx.response.setStatus}), or 500 with the site's plain error page
     * when the script fails (logged); the caller writes the answer and its headers.
     */
    RenderedPage render(HttpServletRequest request, String script, Map<String, Object> variables);
}
