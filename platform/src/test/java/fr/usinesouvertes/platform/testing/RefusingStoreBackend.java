package fr.usinesouvertes.platform.testing;

import fr.usinesouvertes.platform.repository.StoreBackend;
import org.apache.jackrabbit.oak.api.CommitFailedException;
import org.apache.jackrabbit.oak.plugins.memory.MemoryNodeStore;
import org.apache.jackrabbit.oak.spi.commit.CommitHook;
import org.apache.jackrabbit.oak.spi.commit.CommitInfo;
import org.apache.jackrabbit.oak.spi.state.NodeBuilder;
import org.apache.jackrabbit.oak.spi.state.NodeState;
import org.apache.jackrabbit.oak.spi.state.NodeStore;

/**
 * Oak's memory node store whose commits can be refused on demand, like a store that went read-only or out of
 * reach: reads go on, every commit fails while {@link #refuseCommits(boolean)} is on.
 */
public final class RefusingStoreBackend implements StoreBackend {

    private volatile boolean refusing;
    private final boolean shared;

    /** A store of one node, as the embedded segment store. */
    public RefusingStoreBackend() {
        this(false);
    }

    /** {@code shared}: stands for a store several nodes share (PostgreSQL), where cluster leases are taken. */
    public RefusingStoreBackend(boolean shared) {
        this.shared = shared;
    }

    private final MemoryNodeStore store = new MemoryNodeStore() {
        @Override
        public synchronized NodeState merge(NodeBuilder builder, CommitHook commitHook, CommitInfo info)
                throws CommitFailedException {
            if (refusing) {
                throw new CommitFailedException(CommitFailedException.OAK, 9999, "The test refuses every commit");
            }
            return super.merge(builder, commitHook, info);
        }
    };

    /** Makes every following commit fail ({@code true}) or succeed again ({@code false}). */
    public void refuseCommits(boolean refuse) {
        this.refusing = refuse;
    }

    @Override
    public NodeStore nodeStore() {
        return store;
    }

    @Override
    public String describe() {
        return "in-memory store refusing commits on demand";
    }

    @Override
    public boolean shared() {
        return shared;
    }

    @Override
    public void close() {
        // nothing is held outside the heap
    }
}
