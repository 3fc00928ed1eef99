package fr.usinesouvertes.platform.module.runtime;

/**
 * A dependency's accepted versions in Magnolia's module-descriptor syntax: {@code *} (or nothing) accepts
 * any version, {@code 1.2/2.0} accepts 1.2 to 2.0 inclusive, and a single version {@code 1.2} accepts
 * that version or any later one (Magnolia's "at least" reading of a bare version).
 */
public final class VersionRange {

    private final String text;
    private final ModuleVersion lowest;
    private final ModuleVersion highest;

    private VersionRange(String text, ModuleVersion lowest, ModuleVersion highest) {
        this.text = text;
        this.lowest = lowest;
        this.highest = highest;
    }

    public static VersionRange parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty() || trimmed.equals("*")) {
            return new VersionRange("*", null, null);
        }
        int slash = trimmed.indexOf('/');
        if (slash < 0) {
            return new VersionRange(trimmed, ModuleVersion.parse(trimmed), null);
        }
        ModuleVersion lowest = bound(trimmed.substring(0, slash));
        ModuleVersion highest = bound(trimmed.substring(slash + 1));
        if (lowest != null && highest != null && lowest.isAfter(highest)) {
            throw new IllegalArgumentException("Version range '" + text + "' is empty: " + lowest + " > " + highest);
        }
        return new VersionRange(trimmed, lowest, highest);
    }

    private static ModuleVersion bound(String text) {
        String trimmed = text.trim();
        return trimmed.isEmpty() || trimmed.equals("*") ? null : ModuleVersion.parse(trimmed);
    }

    public boolean includes(ModuleVersion version) {
        return (lowest == null || !lowest.isAfter(version)) && (highest == null || version.isAtMost(highest));
    }

    @Override
    public String toString() {
        return text;
    }
}
