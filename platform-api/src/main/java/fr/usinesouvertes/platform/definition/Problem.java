package fr.usinesouvertes.platform.definition;

/**
 * Something wrong found while loading definitions: a broken file, an unknown reference, a Magnolia
 * class the platform does not implement. The definition concerned is skipped or loaded without the
 * unsupported part; everything else keeps working.
 *
 * @param source       the file, relative to the light-modules folder (or {@code classpath:...})
 * @param line         1-based line, or 0 when the problem concerns the whole file
 * @param definitionId the definition concerned, or {@code null}
 * @param severity     {@code error} (the definition was not loaded) or {@code warning} (loaded in part)
 * @param reason       what is wrong, in a sentence
 */
public record Problem(String source, int line, String definitionId, String severity, String reason) {

    public static Problem error(String source, int line, String definitionId, String reason) {
        return new Problem(source, line, definitionId, "error", reason);
    }

    public static Problem warning(String source, int line, String definitionId, String reason) {
        return new Problem(source, line, definitionId, "warning", reason);
    }

    @Override
    public String toString() {
        return source + (line > 0 ? ":" + line : "") + ": " + severity + ": " + reason;
    }
}
