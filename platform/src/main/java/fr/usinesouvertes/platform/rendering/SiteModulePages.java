package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.module.ModulePages;
import fr.usinesouvertes.platform.module.RenderedPage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;

/** {@link ModulePages} through the site's page renderer. */
final class SiteModulePages implements ModulePages {

    private final PageRenderer renderer;
    private final PublicUrl publicUrl;

    SiteModulePages(PageRenderer renderer, PublicUrl publicUrl) {
        this.renderer = renderer;
        this.publicUrl = publicUrl;
    }

    @Override
    public RenderedPage render(HttpServletRequest request, String script, Map<String, Object> variables) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        // a POST's fields are the module's to pass (and its body may be refused as too large): only GET and HEAD
        // show their query parameters to the script's ctx.getParameter
        boolean safe = "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
        Map<String, String[]> parameters = safe ? request.getParameterMap() : Map.of();
        return renderer.renderScript(path, parameters, publicUrl.base(), script, variables);
    }
}
