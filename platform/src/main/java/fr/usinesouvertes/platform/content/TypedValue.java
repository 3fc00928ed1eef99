package fr.usinesouvertes.platform.content;

import java.util.Map;

/**
 * A value a YAML tag of Magnolia's exports gives a JCR type of its own ({@code 'image': !weakreference '9d2f…'}):
 * imported as that type, not as a string.
 *
 * @param type the JCR property type's name ({@code WeakReference}, ...)
 * @param text the value as written
 */
record TypedValue(String type, String text) {

    /** The tags read, with the JCR type each gives. */
    static final Map<String, String> TAGS = Map.of(
            "!weakreference", "WeakReference",
            "!reference", "Reference",
            "!path", "Path",
            "!name", "Name",
            "!uri", "URI",
            "!decimal", "Decimal");

    /** The tag of a JCR type's name ({@code WeakReference} → {@code !weakreference}). */
    static String tagOf(String type) {
        return TAGS.entrySet().stream().filter(e -> e.getValue().equals(type)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No YAML tag for the JCR type " + type));
    }
}
