package fr.usinesouvertes.events.edition;

import java.text.Normalizer;
import java.util.Locale;

/** Compares region names as people type them: "Île-de-France", "ile de france" and "ILE-DE-FRANCE" are one region. */
public final class Regions {

    private Regions() {
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    static String key(String region) {
        String withoutAccents = Normalizer.normalize(region, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }
}
