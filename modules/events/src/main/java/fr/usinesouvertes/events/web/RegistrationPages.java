package fr.usinesouvertes.events.web;

import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.platform.module.ModulePages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders the registration pages from the FreeMarker templates of the events light module
 * ({@code templates/registration/*.ftl}) inside the site's own frame (head, header with navigation and language
 * switch, footer) through the platform's {@link ModulePages}, every value HTML-escaped, with the French or
 * English messages of {@code i18n/events-messages_{fr,en}.properties} as {@code msg}.
 */
final class RegistrationPages {

    private static final String TEMPLATES = "/events/templates/registration/";

    private final ModulePages modulePages;
    private final Map<Lang, Map<String, String>> messages = new HashMap<>();

    RegistrationPages(ModulePages modulePages) {
        this.modulePages = modulePages;
        for (Lang lang : Lang.values()) {
            messages.put(lang, Messages.of(Messages.EVENTS, lang).all());
        }
    }

    /**
     * The page {@code template} (without {@code .ftl}) for {@code request}'s URL, whose {@code /en} prefix makes
     * it English, with the model and the messages of {@code lang}; a failing template answers status 500.
     */
    RenderedPage render(HttpServletRequest request, String template, Lang lang, Map<String, Object> model) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("msg", messages.get(lang));
        return modulePages.render(request, TEMPLATES + template + ".ftl", data);
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
