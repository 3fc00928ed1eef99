package fr.usinesouvertes.platform.repository;

/**
 * Makes commits durable in groups: each commit is counted as it happens (cheaply, inside the store's
 * commit lock), and a writer that needs its commit on disk waits for one flush that started after it.
 * Concurrent writers share that flush, so an fsync costs once per group instead of once per commit and
 * never runs inside the commit lock, where it would serialise every writer behind the disk.
 */
final class GroupFlusher {

    /** The store's flush: journal and segments to disk. */
    @FunctionalInterface
    interface Flush {
        void run() throws java.io.IOException;
    }

    private final Flush flush;
    private final Object lock = new Object();
    private long commits;
    private long durable;
    private boolean flushing;

    GroupFlusher(Flush flush) {
        this.flush = flush;
    }

    /** Called for every commit, before the committing call returns. */
    void committed() {
        synchronized (lock) {
            commits++;
        }
    }

    /** Returns once every commit counted so far is on disk, flushing it or joining a flush that covers it. */
    void awaitDurable() {
        long target;
        synchronized (lock) {
            target = commits;
        }
        while (true) {
            long covering;
            synchronized (lock) {
                while (flushing && durable < target) {
                    waitForFlush();
                }
                if (durable >= target) {
                    return;
                }
                flushing = true;
                covering = commits;
            }
            boolean flushed = false;
            try {
                flush.run();
                flushed = true;
            } catch (java.io.IOException e) {
                throw new RepositoryException("Flushing the repository to disk failed: " + e.getMessage(), e);
            } finally {
                synchronized (lock) {
                    flushing = false;
                    if (flushed) {
                        durable = Math.max(durable, covering);
                    }
                    lock.notifyAll();
                }
            }
        }
    }

    private void waitForFlush() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RepositoryException("Interrupted while waiting for the repository flush", e);
        }
    }
}
