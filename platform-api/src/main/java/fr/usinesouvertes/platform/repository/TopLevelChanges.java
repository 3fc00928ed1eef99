package fr.usinesouvertes.platform.repository;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.jackrabbit.oak.spi.commit.CommitInfo;
import org.apache.jackrabbit.oak.spi.commit.Observer;
import org.apache.jackrabbit.oak.spi.state.DefaultNodeStateDiff;
import org.apache.jackrabbit.oak.spi.state.NodeState;

/**
 * Watches the node store's commits and tells {@code onChange} the names of the top-level nodes each one
 * changed. Compares each root with the previous one at the top level only (Oak diffs unchanged subtrees
 * by record, so this costs a few comparisons per commit), inside the commit: it must stay cheap, and
 * {@code onChange} too.
 */
final class TopLevelChanges implements Observer {

    private final Consumer<Set<String>> onChange;
    private NodeState previous; // guarded by this

    TopLevelChanges(Consumer<Set<String>> onChange) {
        this.onChange = onChange;
    }

    @Override
    public void contentChanged(NodeState root, CommitInfo info) {
        NodeState before;
        synchronized (this) {
            before = previous;
            previous = root;
        }
        if (before != null) {
            Set<String> changed = changedTopLevels(before, root);
            if (!changed.isEmpty()) {
                onChange.accept(changed);
            }
        }
    }

    private static Set<String> changedTopLevels(NodeState before, NodeState after) {
        Set<String> changed = new HashSet<>();
        after.compareAgainstBaseState(before, new DefaultNodeStateDiff() {
            @Override
            public boolean childNodeAdded(String name, NodeState added) {
                return note(name);
            }

            @Override
            public boolean childNodeChanged(String name, NodeState beforeChild, NodeState afterChild) {
                return note(name);
            }

            @Override
            public boolean childNodeDeleted(String name, NodeState deleted) {
                return note(name);
            }

            private boolean note(String name) {
                changed.add(name);
                return true;
            }
        });
        return changed;
    }
}
