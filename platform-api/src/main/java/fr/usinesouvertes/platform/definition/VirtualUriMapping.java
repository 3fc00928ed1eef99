package fr.usinesouvertes.platform.definition;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A virtual URI mapping ({@code virtualUriMappings/<name>.yaml}, Magnolia's {@code DefaultVirtualUriMapping} or
 * {@code RegexpVirtualUriMapping}): a request path matching {@code fromUri} goes to {@code toUri}, whose prefix says
 * how: {@code redirect:} (302), {@code permanent:} (301) or {@code forward:} (served from the other path without the
 * browser knowing; the default). A default mapping's {@code fromUri} may hold {@code *} wildcards; a regexp mapping's
 * {@code toUri} may name its groups ({@code $1}).
 *
 * @param from the compiled {@code fromUri}, matched against the whole request path
 */
public record VirtualUriMapping(String id, Pattern from, String toUri, boolean regexp) {

    /** How a matched request goes on. */
    public enum Kind { REDIRECT, PERMANENT, FORWARD }

    /** Where a matched request goes, and how. */
    public record Target(Kind kind, String uri) {
    }

    /** The target of {@code path}, if the mapping matches it. */
    public Optional<Target> map(String path) {
        Matcher matcher = from.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String target = toUri;
        Kind kind = Kind.FORWARD;
        for (Kind candidate : Kind.values()) {
            String prefix = candidate.name().toLowerCase(java.util.Locale.ROOT) + ":";
            if (target.startsWith(prefix)) {
                kind = candidate;
                target = target.substring(prefix.length());
                break;
            }
        }
        if (regexp) {
            target = matcher.replaceFirst(target.replace("\\", "\\\\"));
        }
        return Optional.of(new Target(kind, target));
    }
}
