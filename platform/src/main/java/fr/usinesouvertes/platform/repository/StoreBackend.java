package fr.usinesouvertes.platform.repository;

import org.apache.jackrabbit.oak.spi.state.NodeStore;

/**
 * Where the repository keeps its tree: the plug point between the embedded segment store and a
 * shared document store. Opened once, closed after the JCR repository is shut down.
 */
public interface StoreBackend extends AutoCloseable {

    NodeStore nodeStore();

    /** A short description for logs, e.g. {@code segment store in data/repository}. */
    String describe();

    @Override
    void close();
}
