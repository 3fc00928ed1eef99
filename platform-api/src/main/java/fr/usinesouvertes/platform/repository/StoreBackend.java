package fr.usinesouvertes.platform.repository;

import java.util.Optional;
import java.util.function.Consumer;
import org.apache.jackrabbit.oak.spi.state.NodeStore;

/**
 * Where the repository keeps its tree: the plug point between the embedded segment store and a
 * shared document store. Opened once, closed after the JCR repository is shut down.
 */
public interface StoreBackend extends AutoCloseable {

    NodeStore nodeStore();

    /** A short description for logs, e.g. {@code segment store in data/repository}. */
    String describe();

    /** Whether several cluster nodes share this store (the document store on PostgreSQL). */
    default boolean shared() {
        return false;
    }

    /** This node's id among the nodes sharing the store; {@code 0} for a store only this process uses. */
    default int clusterId() {
        return 0;
    }

    /**
     * Held while this node creates the repository and runs install tasks and bootstrap imports, so two
     * cluster nodes starting together never initialise the shared store at the same time. Nothing to
     * exclude for a store only this process uses.
     */
    /**
     * Returns once every commit made so far is durable. Stores whose commits are durable when they return
     * (memory: nothing to keep; PostgreSQL: written by the commit itself) do nothing.
     */
    default void awaitDurable() {
    }

    /**
     * Removes the revisions no reader needs any more (old states of changed and deleted nodes), telling
     * {@code progress} what it does; returns its figures. Runs while the store is in use. A store that keeps no old
     * revisions (memory) has nothing to do.
     */
    default RevisionGcReport collectRevisions(Consumer<String> progress) {
        return new RevisionGcReport(describe(), true, -1, -1, java.time.Duration.ZERO, "nothing to collect");
    }

    /**
     * Reclaims what the last {@link #collectRevisions} kept for the readers of the states before it, once no reader
     * needs them any more; empty for a store that keeps nothing of the kind.
     */
    default Optional<RevisionGcReport> reclaimPreviousGeneration(Consumer<String> progress) {
        return Optional.empty();
    }

    default StartupGuard exclusiveStartup() {
        return () -> { };
    }

    @Override
    void close();

    /** Releases the exclusive start-up; never throws. */
    interface StartupGuard extends AutoCloseable {
        @Override
        void close();
    }
}
