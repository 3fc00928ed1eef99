package fr.usinesouvertes.platform.definition;

import java.util.HashMap;
import java.util.Map;

/**
 * The i18n messages of all loaded modules, by language. A key missing in the asked language ({@code de_CH}) falls
 * back to its primary language ({@code de}), the default language (French), the bundle without language, English,
 * then any language that has it (a module with one bundle only), then to the key itself.
 */
public final class MessageCatalog {

    public static final String DEFAULT_LANGUAGE = "fr";
    /** The bundle without a language suffix ({@code module-messages.properties}). */
    public static final String BASE = "";

    private final Map<String, Map<String, String>> byLanguage;

    public MessageCatalog(Map<String, Map<String, String>> byLanguage) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        byLanguage.forEach((lang, messages) -> copy.put(lang, Map.copyOf(messages)));
        this.byLanguage = Map.copyOf(copy);
    }

    public static MessageCatalog empty() {
        return new MessageCatalog(Map.of());
    }

    public String message(String language, String key) {
        String found = lookup(language, key);
        return found != null ? found : key;
    }

    /** The message, or {@code null} when no bundle has the key. */
    public String lookup(String language, String key) {
        for (String candidate : new String[] {language, primary(language), DEFAULT_LANGUAGE, BASE, "en"}) {
            Map<String, String> messages = candidate == null ? null : byLanguage.get(candidate);
            if (messages != null && messages.containsKey(key)) {
                return messages.get(key);
            }
        }
        // a module with bundles in other languages only (a German-only module): its text rather than the key
        return byLanguage.keySet().stream().sorted().map(byLanguage::get).filter(m -> m.containsKey(key))
                .map(m -> m.get(key)).findFirst().orElse(null);
    }

    private static String primary(String language) {
        int separator = language == null ? -1 : language.indexOf('_');
        return separator < 0 ? null : language.substring(0, separator);
    }

    public Map<String, Map<String, String>> byLanguage() {
        return byLanguage;
    }
}
