package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.registration.BookableSlot;
import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders the registration pages from the FreeMarker templates of the events light module
 * ({@code templates/registration/*.ftl}), every value HTML-escaped, with the French or English
 * messages of {@code i18n/events-messages_{fr,en}.properties}.
 */
final class RegistrationPages {

    private static final String TEMPLATES = "/light-modules/events/templates/registration";
    private static final String MESSAGES = "light-modules/events/i18n/events-messages";

    private final Configuration freemarker;
    private final Map<Lang, Map<String, String>> messages = new HashMap<>();

    RegistrationPages() {
        freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(RegistrationPages.class, TEMPLATES));
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setFallbackOnNullLoopVariable(false);
        for (Lang lang : Lang.values()) {
            ResourceBundle bundle = ResourceBundle.getBundle(MESSAGES, lang.locale(), RegistrationPages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            Map<String, String> texts = new LinkedHashMap<>();
            for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                texts.put(key, bundle.getString(key));
            }
            messages.put(lang, Map.copyOf(texts));
        }
    }

    /** The page {@code template} (without {@code .ftl}) with the model, the messages and the language. */
    String render(String template, Lang lang, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("lang", lang.code());
        data.put("msg", messages.get(lang));
        data.put("home", lang == Lang.EN ? "/en/" : "/");
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(template + ".ftl").process(data, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Registration page " + template + " cannot be rendered", e);
        }
    }

    String message(Lang lang, String key) {
        return messages.get(lang).getOrDefault(key, key);
    }

    /** What the pages show of a slot: who opens what, where and when. */
    static Map<String, Object> slotModel(BookableSlot slot, Lang lang) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("id", slot.id());
        model.put("company", slot.visit().company());
        model.put("site", slot.visit().site());
        model.put("address", slot.visit().address());
        model.put("day", FrenchDates.dayWithWeekday(slot.visit().start().toLocalDate(), lang));
        model.put("start", FrenchDates.time(slot.visit().start().toLocalTime(), lang));
        model.put("end", FrenchDates.time(slot.visit().end().toLocalTime(), lang));
        model.put("maxPersons", slot.maxPersons());
        return model;
    }
}
