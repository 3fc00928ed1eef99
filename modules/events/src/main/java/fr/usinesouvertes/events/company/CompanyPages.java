package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.http.CacheControl;
import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.platform.module.ModulePages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The public company pages ({@code /espace-entreprise/inscription}, the e-mailed verification link) in the
 * site's own frame (head, header with navigation and language switch, footer), from the events light module's
 * templates {@code templates/company/*.ftl} rendered by the platform's {@link ModulePages}, every value
 * HTML-escaped, with {@code company-messages_{fr,en}.properties} as {@code m} (also the back office's texts).
 */
public final class CompanyPages {

    private static final String TEMPLATES = "/events/templates/company/";

    private final ModulePages modulePages;
    private final Map<Lang, Map<String, String>> messages = new HashMap<>();

    public CompanyPages(ModulePages modulePages) {
        this.modulePages = modulePages;
        for (Lang lang : Lang.values()) {
            messages.put(lang, messages(lang));
        }
    }

    /** The French or English messages of the company pages, for templates ({@code m}) and servlets. */
    public static Map<String, String> messages(Lang lang) {
        return Messages.of(Messages.COMPANY, lang).all();
    }

    public String message(Lang lang, String key) {
        return messages.get(lang).getOrDefault(key, key);
    }

    /**
     * Writes the page {@code template} (without {@code .ftl}) for {@code request}'s URL (its {@code /en} prefix makes it
     * English) with the status; never stored by a cache, never framed (it holds a form token or a personal link).
     */
    public void render(HttpServletRequest request, HttpServletResponse response, int status, String template, Lang lang,
                       Map<String, Object> model) throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.put("m", messages.get(lang));
        data.put("prefix", lang == Lang.EN ? "/en" : "");
        RenderedPage page = modulePages.render(request, TEMPLATES + template + ".ftl", data);
        byte[] body = page.html().getBytes(StandardCharsets.UTF_8);
        response.setStatus(page.status() == 500 ? 500 : status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", CacheControl.NO_STORE);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
