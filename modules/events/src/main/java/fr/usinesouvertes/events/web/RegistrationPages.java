package fr.usinesouvertes.events.web;

import fr.usinesouvertes.platform.module.RenderedPage;
import fr.usinesouvertes.events.i18n.FrenchDates;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.registration.BookableSlot;
import fr.usinesouvertes.platform.module.ModulePages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
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

    /**
     * What the pages show of a slot: who opens what, where and when.
     *
     * @param day        with its weekday, in the page's language
     * @param maxPersons most seats one registration may take
     */
    public record SlotView(String id, String company, String site, String address, String day, String start,
                           String end, int maxPersons) {
    }

    /** A slot a registration may move to, shown as its {@link SlotView}; {@code current}: the registration's own. */
    public record SlotOption(String id, String company, String site, String address, String day, String start,
                             String end, int maxPersons, boolean current, long placesLeft) {

        static SlotOption of(SlotView slot, boolean current, long placesLeft) {
            return new SlotOption(slot.id(), slot.company(), slot.site(), slot.address(), slot.day(), slot.start(),
                    slot.end(), slot.maxPersons(), current, placesLeft);
        }
    }

    static SlotView slotModel(BookableSlot slot, Lang lang) {
        return new SlotView(slot.id(), slot.visit().company(), slot.visit().site(), slot.visit().address(),
                FrenchDates.dayWithWeekday(slot.visit().start().toLocalDate(), lang),
                FrenchDates.time(slot.visit().start().toLocalTime(), lang),
                FrenchDates.time(slot.visit().end().toLocalTime(), lang), slot.maxPersons());
    }
}
