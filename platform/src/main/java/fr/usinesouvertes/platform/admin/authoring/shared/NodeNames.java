package fr.usinesouvertes.platform.admin.authoring.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.RepositoryException;

/** Node names editors choose (URL segments): lower-case letters, digits and dashes. */
public final class NodeNames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,98}[a-z0-9])?");

    private NodeNames() {
    }

    /** A valid name made from any text: accents dropped, other characters turned into dashes. */
    public static String slug(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.length() > 80 ? slug.substring(0, 80).replaceAll("-+$", "") : slug;
    }

    /** Refuses a name that is not a valid URL segment, in French and English. */
    public static String check(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw AuthoringException.invalid(
                    "Nom invalide : lettres minuscules sans accent, chiffres et tirets uniquement.",
                    "Invalid name: lower-case letters without accents, digits and dashes only.");
        }
        return name;
    }

    /** Refuses a name already used by a sibling. */
    public static void checkFree(Node parent, String name) throws RepositoryException {
        if (parent.hasNode(name)) {
            throw AuthoringException.invalid("Le nom « " + name + " » est déjà utilisé ici.",
                    "The name \"" + name + "\" is already used here.");
        }
    }

    /** {@code base}, or {@code base-2}, {@code base-3}... whichever no sibling uses. */
    public static String free(Node parent, String base) throws RepositoryException {
        String name = base.isEmpty() ? "element" : base;
        for (int i = 2; parent.hasNode(name); i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
