package fr.usinesouvertes.events.i18n;

import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ResourceBundle;

/** A message bundle of the module's class path ({@code name_fr.properties}, {@code name_en.properties}) as a map. */
public final class Bundles {

    private Bundles() {
    }

    /** The messages of {@code name} in {@code lang}, without falling back to the JVM's default locale. */
    public static Map<String, String> of(String name, Lang lang) {
        ResourceBundle bundle = ResourceBundle.getBundle(name, lang.locale(), Bundles.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> texts = new LinkedHashMap<>();
        for (Enumeration<String> keys = bundle.getKeys(); keys.hasMoreElements(); ) {
            String key = keys.nextElement();
            texts.put(key, bundle.getString(key));
        }
        return Map.copyOf(texts);
    }
}
