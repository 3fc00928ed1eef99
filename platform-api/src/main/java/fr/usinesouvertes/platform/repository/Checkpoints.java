package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.jackrabbit.oak.api.PropertyState;
import org.apache.jackrabbit.oak.spi.state.NodeState;
import org.apache.jackrabbit.oak.spi.state.NodeStateDiff;
import org.apache.jackrabbit.oak.spi.state.NodeStore;

/**
 * Named, retained states of the repository (Oak checkpoints) and what changed since one: how something kept
 * beside the repository (a node-local search index) knows, after a restart, which changes it missed, as Oak's
 * own asynchronous indexes do. A checkpoint keeps its state from garbage collection until it is released or its
 * lifetime ends; {@link #changedSince} answers empty for one that is gone.
 */
@PluginApi
public final class Checkpoints {

    private final NodeStore store;
    private final Predicate<String> unannounced;

    Checkpoints(NodeStore store, Predicate<String> unannounced) {
        this.store = store;
        this.unannounced = unannounced;
    }

    /** Retains the repository's current state for {@code lifetime}; {@code properties} describe who holds it. */
    public String create(Duration lifetime, Map<String, String> properties) {
        return store.checkpoint(lifetime.toMillis(), properties);
    }

    /** Lets the state go; releasing an unknown or expired checkpoint does nothing. */
    public void release(String checkpoint) {
        store.release(checkpoint);
    }

    /**
     * The paths changed between the state of {@code from} and that of {@code to}, as JCR observation names them:
     * each added, removed or changed node, and each added, removed or changed property (its path). Trees excluded
     * from change notifications and Oak's hidden nodes are left out. Empty when either checkpoint is unknown or
     * expired; {@link Changes#complete()} is {@code false} when more than {@code limit} paths changed (the caller
     * then starts over from the whole repository).
     */
    public Optional<Changes> changedSince(String from, String to, int limit) {
        NodeState before = store.retrieve(from);
        NodeState after = store.retrieve(to);
        if (before == null || after == null) {
            return Optional.empty();
        }
        PathCollector collector = new PathCollector(limit);
        after.compareAgainstBaseState(before, collector.at("", true));
        return Optional.of(new Changes(collector.paths, !collector.overflowed));
    }

    /** What {@link #changedSince} found. */
    public record Changes(Set<String> paths, boolean complete) {
    }

    /** Collects changed paths, depth first, until there are more than the limit. */
    private final class PathCollector {
        private final Set<String> paths = new LinkedHashSet<>();
        private final int limit;
        private boolean overflowed;

        PathCollector(int limit) {
            this.limit = limit;
        }

        private boolean add(String path) {
            if (path.contains("/:")) {
                return true; // Oak's hidden properties (child order...), which JCR never shows
            }
            paths.add(path);
            overflowed = paths.size() > limit;
            return !overflowed;
        }

        private boolean skipped(String parent, String name) {
            return name.startsWith(":") || (parent.isEmpty() && unannounced.test(name));
        }

        /** The diff of the node at {@code path} ({@code ""} for the root); {@code root} tells the root apart. */
        NodeStateDiff at(String path, boolean root) {
            String prefix = root ? "" : path;
            return new NodeStateDiff() {
                @Override
                public boolean propertyAdded(PropertyState after) {
                    return add(prefix + "/" + after.getName());
                }

                @Override
                public boolean propertyChanged(PropertyState before, PropertyState after) {
                    return add(prefix + "/" + after.getName());
                }

                @Override
                public boolean propertyDeleted(PropertyState before) {
                    return add(prefix + "/" + before.getName());
                }

                @Override
                public boolean childNodeAdded(String name, NodeState after) {
                    return skipped(prefix, name) || whole(prefix + "/" + name, after);
                }

                @Override
                public boolean childNodeChanged(String name, NodeState before, NodeState after) {
                    return skipped(prefix, name) || after.compareAgainstBaseState(before, at(prefix + "/" + name, false));
                }

                @Override
                public boolean childNodeDeleted(String name, NodeState before) {
                    return skipped(prefix, name) || whole(prefix + "/" + name, before);
                }
            };
        }

        /** An added or removed subtree: every node in it, as observation reports them. */
        private boolean whole(String path, NodeState node) {
            if (!add(path)) {
                return false;
            }
            for (var child : node.getChildNodeEntries()) {
                if (!child.getName().startsWith(":") && !whole(path + "/" + child.getName(), child.getNodeState())) {
                    return false;
                }
            }
            return true;
        }
    }
}
