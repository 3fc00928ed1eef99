package fr.usinesouvertes.platform.module.runtime;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A module version compared numerically segment by segment, so {@code 1.10} is above {@code 1.9} and
 * {@code 1.2} equals {@code 1.2.0}. A qualifier after {@code -} ({@code 1.0-SNAPSHOT}) is ignored, as
 * Magnolia's own version handling does for ordering purposes.
 */
public final class ModuleVersion implements Comparable<ModuleVersion> {

    private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)*)(?:[-.][A-Za-z0-9.-]*)?");

    private final String text;
    private final int[] segments;

    private ModuleVersion(String text, int[] segments) {
        this.text = text;
        this.segments = segments;
    }

    /** Parses {@code 1}, {@code 1.2}, {@code 1.2.3}, {@code 1.2.3-SNAPSHOT}; anything else is refused. */
    public static ModuleVersion parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher matcher = FORMAT.matcher(trimmed);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a version like 1.2 or 1.2.3");
        }
        try {
            int[] segments = Arrays.stream(matcher.group(1).split("\\.")).mapToInt(Integer::parseInt).toArray();
            return new ModuleVersion(trimmed, segments);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' has a version segment too large");
        }
    }

    @Override
    public int compareTo(ModuleVersion other) {
        int length = Math.max(segments.length, other.segments.length);
        for (int i = 0; i < length; i++) {
            int mine = i < segments.length ? segments[i] : 0;
            int theirs = i < other.segments.length ? other.segments[i] : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    public boolean isAfter(ModuleVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isAtMost(ModuleVersion other) {
        return compareTo(other) <= 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ModuleVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        int length = segments.length;
        while (length > 0 && segments[length - 1] == 0) {
            length--; // 1.2 and 1.2.0 are equal, so they must hash alike
        }
        return Arrays.hashCode(Arrays.copyOf(segments, length));
    }

    @Override
    public String toString() {
        return text;
    }
}
