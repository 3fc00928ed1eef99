package fr.usinesouvertes.platform.module;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/**
 * Renders back-office pages: a class-path template under {@code admin-templates/} (e.g.
 * {@code events/moderation.ftlh}) with the page's model plus {@code account} (login, displayName, roles as
 * {@code ADMIN}..., roleLabels in the page's language, company, staff), {@code csrf},
 * {@code apps} (the menu entries the account may use), {@code lang} ({@code fr}, or {@code en} with
 * {@code ?lang=en}), {@code i18n("texte", "text")}, {@code flash} and {@code path}. Also redirects
 * and one-time flash messages, carried by a cookie so that they survive a redirect to another node.
 *
 * <p>The platform's filters put the back office's {@link Renderer} on every request under {@link #RENDERER}.
 */
public final class AdminViews {

    /** The request attribute holding the back office's {@link Renderer}, set by the platform's filters. */
    public static final String RENDERER = AdminViews.class.getName() + ".renderer";
    /** The request attribute holding the flash message until the response carries it. */
    public static final String PENDING_FLASH = AdminViews.class.getName() + ".flash";

    /** What renders a back-office template with the shell's model; implemented by the platform. */
    public interface Renderer {
        void render(HttpServletRequest request, HttpServletResponse response, String template,
                    Map<String, Object> model) throws IOException;
    }

    private AdminViews() {
    }

    public static void render(HttpServletRequest request, HttpServletResponse response, String template,
                              Map<String, Object> model) throws IOException {
        Renderer renderer = (Renderer) request.getAttribute(RENDERER);
        if (renderer == null) {
            throw new IllegalStateException("AdminViews.render before the platform's filters: " + request.getRequestURI());
        }
        renderer.render(request, response, template, model);
    }

    /** A 303 redirect (after a POST, the browser GETs {@code location}); a pending flash message goes with it. */
    public static void redirect(HttpServletResponse response, String location) throws IOException {
        response.sendRedirect(location); // the shell's response wrapper turns this into a 303 with the flash cookie
    }

    /** A message shown once on the next page the layout renders (after a redirect). */
    public static void flash(HttpServletRequest request, String message) {
        request.setAttribute(PENDING_FLASH, message);
    }

    /** {@code en} when the request asks for {@code lang=en}, else {@code fr}. */
    public static String lang(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? "en" : "fr";
    }
}
