package fr.usinesouvertes.platform.admin.authoring.pages;

import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.security.PreviewTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What the page editor frames for a page whose template is rendered by a front end hosted apart from the platform
 * (Magnolia's externally hosted SPA: the template's {@code baseUrl} and {@code routeTemplate}): the front end's address
 * of the page, with the query Magnolia's front-end helpers read ({@code mgnlPreview=false}: edit mode;
 * {@code mgnlChannel}) and a preview token, which the helpers repeat on their Delivery API calls so that they read the
 * drafts.
 *
 * @param url    the frame's address
 * @param origin the front end's origin: the only one the editor frames and exchanges messages with
 */
record FrontEndFrame(String url, String origin) {

    /** The frame of {@code pagePath} in {@code language}; empty when the template has no usable {@code baseUrl}. */
    static Optional<FrontEndFrame> of(TemplateDefinition template, String pagePath, String language, String token) {
        String base = template.frontEndBaseUrl();
        if (base == null) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(base);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            return Optional.empty(); // reported nowhere else: the editor then shows the platform's own preview
        }
        String origin = scheme + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String route = template.frontEndRouteTemplate().replace("{language}", language)
                .replace("{{@path}}", encodedPath(pagePath));
        String url = (base.endsWith("/") && route.startsWith("/") ? base.substring(0, base.length() - 1) : base) + route;
        url += (url.contains("?") ? "&" : "?") + "mgnlPreview=false&mgnlChannel=desktop&" + PreviewTokens.PARAMETER
                + "=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        return Optional.of(new FrontEndFrame(url, origin));
    }

    /** Lets the editor's answer frame this front end (the back office frames only its own origin otherwise). */
    void allowFraming(HttpServletResponse response) {
        String policy = response.getHeader("Content-Security-Policy");
        if (policy != null) {
            response.setHeader("Content-Security-Policy", "frame-src 'self' " + origin + "; " + policy);
        }
    }

    private static String encodedPath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                encoded.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return encoded.length() == 0 ? "/" : encoded.toString();
    }
}
