package fr.usinesouvertes.platform.repository;

import org.apache.jackrabbit.oak.plugins.memory.MemoryNodeStore;
import org.apache.jackrabbit.oak.spi.state.NodeStore;

/** Oak's in-memory node store: a real repository that vanishes with the process, for fast tests. */
public final class MemoryStoreBackend implements StoreBackend {

    private final MemoryNodeStore store = new MemoryNodeStore();

    @Override
    public NodeStore nodeStore() {
        return store;
    }

    @Override
    public String describe() {
        return "in-memory store";
    }

    @Override
    public void close() {
        // nothing is held outside the heap
    }
}
