package fr.usinesouvertes.platform.rendering;

import fr.usinesouvertes.platform.http.PublicUrl;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code /robots.txt}: the whole site may be crawled (pages, {@code /dam/} files, {@code /.resources/} the
 * pages need to render, feeds), but not the back office ({@code /admin/}), the JSON APIs
 * ({@code /.rest/}: Delivery, search, registrations, calendars) nor the registration forms
 * ({@code /inscription/}, one per slot and audience, {@code noindex} anyway); names the sitemap.
 */
final class RobotsServlet extends HttpServlet {

    private final transient ChangeTime changeTime;
    private final transient PublicUrl publicUrl;

    RobotsServlet(ChangeTime changeTime, PublicUrl publicUrl) {
        this.changeTime = changeTime;
        this.publicUrl = publicUrl;
    }

    static String text(String base) {
        return """
                User-agent: *
                Allow: /
                Disallow: /admin/
                Disallow: /.rest/
                Disallow: /inscription/
                Disallow: /en/inscription/

                Sitemap: %s/sitemap.xml
                """.formatted(base);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GeneratedAnswer.send(request, response, "text/plain;charset=UTF-8",
                text(publicUrl.base()).getBytes(StandardCharsets.UTF_8), changeTime);
    }
}
