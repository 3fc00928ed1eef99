package fr.usinesouvertes.events.company;

import java.text.Normalizer;
import java.util.Locale;

/** Turns names into the lower-case URL segments used as node names: "Fonderie d'Ébène" → {@code fonderie-d-ebene}. */
public final class Slugs {

    private static final int MAX = 80;

    private Slugs() {
    }

    public static String of(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace("œ", "oe").replace("Œ", "oe").replace("æ", "ae");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > MAX) {
            slug = slug.substring(0, MAX).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "entreprise" : slug;
    }

    /** {@code base}, or {@code base-2}, {@code base-3}… whichever is not taken under {@code parent}. */
    public static String free(javax.jcr.Node parent, String base) throws javax.jcr.RepositoryException {
        String candidate = base;
        for (int n = 2; parent.hasNode(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }
}
