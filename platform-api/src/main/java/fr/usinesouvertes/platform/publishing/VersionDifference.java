package fr.usinesouvertes.platform.publishing;

/**
 * One difference between two versions of a node: a property changed, added or removed, or a child node
 * (component, area, resource) added or removed.
 *
 * @param path     the path of the node holding the property, relative to the compared node ({@code /} for itself,
 *                 {@code /main/0} for a component)
 * @param property the property name, or {@code null} for {@link Change#NODE_ADDED}/{@link Change#NODE_REMOVED}
 * @param before   the value in the older version (multi-values joined with {@code ", "}), or {@code null}
 * @param after    the value in the newer version, or {@code null}
 */
public record VersionDifference(String path, String property, String before, String after, Change change) {

    /** What kind of difference it is. */
    public enum Change { ADDED, REMOVED, CHANGED, NODE_ADDED, NODE_REMOVED }
}
