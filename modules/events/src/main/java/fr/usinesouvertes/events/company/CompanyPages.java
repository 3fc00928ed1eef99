package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders the public company pages (sign-up, e-mail verification) from {@code company-templates/*.ftlh}:
 * square-bracket syntax, HTML auto-escaping, with the French or English messages of
 * {@code company-messages_{fr,en}.properties} as {@code m}.
 */
public final class CompanyPages {

    private static final String MESSAGES = "fr/usinesouvertes/events/company/company-messages";

    private final Configuration freemarker;
    private final Map<Lang, Map<String, String>> messages = new HashMap<>();

    public CompanyPages() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(CompanyPages.class, "/company-templates"));
        freemarker.setRecognizeStandardFileExtensions(true); // .ftlh: HTML output format, auto-escaping
        freemarker.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        for (Lang lang : Lang.values()) {
            messages.put(lang, messages(lang));
        }
    }

    /** The French or English messages of the company pages, for templates ({@code m}) and servlets. */
    public static Map<String, String> messages(Lang lang) {
        ResourceBundle bundle = ResourceBundle.getBundle(MESSAGES, lang.locale(), CompanyPages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            texts.put(key, bundle.getString(key));
        }
        return Map.copyOf(texts);
    }

    public String message(Lang lang, String key) {
        return messages.get(lang).getOrDefault(key, key);
    }

    /** Writes the page {@code template} (without {@code .ftlh}) with the status and the usual protective headers. */
    public void render(HttpServletResponse response, int status, String template, Lang lang, Map<String, Object> model)
            throws IOException {
        Map<String, Object> data = new HashMap<>(model);
        data.put("lang", lang.code());
        data.put("m", messages.get(lang));
        data.put("prefix", lang == Lang.EN ? "/en" : "");
        StringWriter out = new StringWriter();
        try {
            freemarker.getTemplate(template + ".ftlh").process(data, out);
        } catch (TemplateException e) {
            throw new IllegalStateException("Company page " + template + " cannot be rendered", e);
        }
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write(out.toString());
    }
}
