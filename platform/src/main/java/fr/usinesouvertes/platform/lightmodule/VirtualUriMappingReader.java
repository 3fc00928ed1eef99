package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.CorsRule;
import fr.usinesouvertes.platform.definition.VirtualUriMapping;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads a virtual URI mapping: {@code class: info.magnolia.virtualuri.mapping.DefaultVirtualUriMapping} (or
 * {@code $type: default}, or neither) with {@code fromUri} and {@code toUri}, or the {@code RegexpVirtualUriMapping}
 * ({@code $type: regexp}) whose {@code fromUri} is a regular expression. Other kinds (host-based mappings) are
 * reported by the class scan and left out; a mapping without both URIs, or with a broken expression, is an error.
 */
final class VirtualUriMappingReader {

    static final String DEFAULT_CLASS = "info.magnolia.virtualuri.mapping.DefaultVirtualUriMapping";
    static final String REGEXP_CLASS = "info.magnolia.virtualuri.mapping.RegexpVirtualUriMapping";

    private VirtualUriMappingReader() {
    }

    /** The mapping, or {@code null} when it is of another kind or unusable (reported). */
    static VirtualUriMapping read(Map<String, Object> raw, DefinitionContext context) {
        String kind = Values.string(raw, "$type", Values.string(raw, "class", "default"));
        boolean regexp = kind.equals("regexp") || kind.equals(REGEXP_CLASS);
        if (!regexp && !kind.equals("default") && !kind.equals(DEFAULT_CLASS)) {
            return null;
        }
        String from = Values.string(raw, "fromUri");
        String to = Values.string(raw, "toUri");
        if (from == null || from.isBlank() || to == null || to.isBlank()) {
            context.error(from == null || from.isBlank() ? "fromUri" : "toUri",
                    "a virtual URI mapping needs fromUri and toUri; ignored");
            return null;
        }
        try {
            Pattern pattern = regexp ? Pattern.compile(from.trim()) : CorsRule.uriPattern(from.trim());
            return new VirtualUriMapping(context.id(), pattern, to.trim(), regexp);
        } catch (PatternSyntaxException e) {
            context.error("fromUri", "fromUri is not a regular expression: " + e.getDescription() + "; ignored");
            return null;
        }
    }
}
