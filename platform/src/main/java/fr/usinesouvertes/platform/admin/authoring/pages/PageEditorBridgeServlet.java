package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.http.CacheControl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The page editor's bridge for front ends hosted apart from the platform, at the addresses Magnolia's front-end
 * helpers load it from on the editor's host ({@value #PATH_SPEC}): the script ({@code page-editor-bars.js} then
 * {@code page-editor-bridge.js}) and the bars' style sheet. Public, like every script of the site: it holds no data.
 */
public final class PageEditorBridgeServlet extends HttpServlet {

    public static final String PATH_SPEC = "/VAADIN/*";
    private static final String FOLDER = "admin-templates/admin/static/";
    private static final Map<String, List<String>> FILES = Map.of(
            "/widgetsets/info.magnolia.PageEditor/info.magnolia.PageEditor.nocache.js",
            List.of("page-editor-bars.js", "page-editor-bridge.js"),
            "/themes/pages-app/page-editor.css", List.of("page-editor-frame.css"));

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<String> parts = FILES.get(request.getPathInfo());
        if (parts == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType(parts.get(0).endsWith(".js") ? "text/javascript;charset=UTF-8" : "text/css;charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.publicFor(Duration.ofHours(1)));
        OutputStream out = response.getOutputStream();
        for (String part : parts) {
            try (InputStream in = PageEditorBridgeServlet.class.getClassLoader().getResourceAsStream(FOLDER + part)) {
                if (in == null) {
                    throw new IllegalStateException("Missing from the platform's jar: " + FOLDER + part);
                }
                in.transferTo(out);
                out.write('\n');
            }
        }
    }
}
