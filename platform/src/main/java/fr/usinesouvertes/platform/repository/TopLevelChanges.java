package fr.usinesouvertes.platform.repository;

import java.util.function.Predicate;
import org.apache.jackrabbit.oak.spi.commit.CommitInfo;
import org.apache.jackrabbit.oak.spi.commit.Observer;
import org.apache.jackrabbit.oak.spi.state.DefaultNodeStateDiff;
import org.apache.jackrabbit.oak.spi.state.NodeState;

/**
 * Watches the node store's commits and runs {@code onChange} when one changes a top-level node that
 * {@code announced} accepts. Compares each root with the previous one at the top level only (Oak diffs
 * unchanged subtrees by record, so this costs a few comparisons per commit), inside the commit: it must
 * stay cheap, and {@code onChange} too.
 */
final class TopLevelChanges implements Observer {

    private final Predicate<String> announced;
    private final Runnable onChange;
    private NodeState previous; // guarded by this

    TopLevelChanges(Predicate<String> announced, Runnable onChange) {
        this.announced = announced;
        this.onChange = onChange;
    }

    @Override
    public void contentChanged(NodeState root, CommitInfo info) {
        NodeState before;
        synchronized (this) {
            before = previous;
            previous = root;
        }
        if (before != null && changesAnnouncedTree(before, root)) {
            onChange.run();
        }
    }

    private boolean changesAnnouncedTree(NodeState before, NodeState after) {
        boolean[] found = new boolean[1];
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
                found[0] |= announced.test(name);
                return !found[0]; // stop at the first announced change
            }
        });
        return found[0];
    }
}
