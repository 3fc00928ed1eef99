package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the company and moderation pages read from a request: language, posted fields. */
public final class AdminRequests {

    private AdminRequests() {
    }

    /** French unless {@code ?lang=en}, as the back office decides. */
    public static Lang lang(HttpServletRequest request) {
        return "en".equals(request.getParameter("lang")) ? Lang.EN : Lang.FR;
    }

    /** The posted form fields, first value of each, without the CSRF token. */
    public static Map<String, String> fields(HttpServletRequest request) throws java.io.UnsupportedEncodingException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException e) {
            return values; // a multipart body over the servlet's limits: the upload step refuses it
        }
        parameters.forEach((name, given) -> {
            if (!name.equals("_csrf") && given.length > 0) {
                values.put(name, given[0]);
            }
        });
        return values;
    }
}
