package fr.usinesouvertes.events.booking;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.repository.SessionWork;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.jcr.InvalidItemStateException;

/**
 * Saves concurrent bookings of this process together: each caller queues its work, and whichever
 * caller holds the commit lock runs every queued work, in arrival order, on one session and saves them
 * in one commit (group commit). A repository commit has a large fixed cost (session login, Oak's commit
 * hooks and its diff of the whole change, the flush to disk); under load, bookings share it.
 *
 * <p>Correctness is that of one booking after another: every work sees the changes of those before it
 * in the same session, so capacity counters add up. A work that refuses without changing anything
 * ({@link SlotNotFoundException}, {@link RegistrationNotFoundException}) fails alone; any other failure
 * makes the batch fall back to one commit per work, so nothing half-written is ever saved for anyone.
 * A commit that another cluster node's commit beat (Oak's {@link InvalidItemStateException}) is run
 * again on a fresh session, with a short random back-off.
 */
final class GroupCommitter {

    private static final int MAX_BATCH = 64;
    private static final int MAX_ATTEMPTS = 200;

    private final ContentRepository repository;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    private record Pending<T>(String key, SessionWork<T> work, CompletableFuture<T> result) {
    }

    GroupCommitter(ContentRepository repository) {
        this.repository = repository;
    }

    /**
     * Runs {@code work} in a commit, possibly shared with other callers' work, and returns its result
     * once saved and durable.
     *
     * @param key names the contended resource in errors (the slot)
     */
    <T> T commit(String key, SessionWork<T> work) {
        Pending<T> pending = new Pending<>(key, work, new CompletableFuture<>());
        queue.add(pending);
        while (!pending.result().isDone()) {
            commitLock.lock();
            try {
                if (!pending.result().isDone()) {
                    commitBatch(drain());
                }
            } finally {
                commitLock.unlock();
            }
        }
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a booking commit", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<Pending<?>> drain() {
        List<Pending<?>> batch = new ArrayList<>();
        Pending<?> next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }

    private void commitBatch(List<Pending<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                List<Object> results = repository.write(session -> {
                    List<Object> outcomes = new ArrayList<>(batch.size());
                    for (Pending<?> pending : batch) {
                        try {
                            outcomes.add(pending.work().run(session));
                        } catch (SlotNotFoundException | RegistrationNotFoundException refused) {
                            outcomes.add(refused); // thrown before the work changed anything
                        }
                    }
                    return outcomes;
                });
                for (int i = 0; i < batch.size(); i++) {
                    complete(batch.get(i), results.get(i));
                }
                return;
            } catch (RepositoryException e) {
                if (!(e.getCause() instanceof InvalidItemStateException)) {
                    failed(batch, e);
                    return;
                }
            } catch (RuntimeException e) {
                failed(batch, e);
                return;
            }
            backOff(attempt);
        }
        for (Pending<?> pending : batch) {
            pending.result().completeExceptionally(new BookingContentionException(pending.key(), MAX_ATTEMPTS));
        }
    }

    /** A batch whose commit failed for another reason than a conflict: each work alone, so only the culprit fails. */
    private void failed(List<Pending<?>> batch, RuntimeException failure) {
        if (batch.size() == 1) {
            batch.get(0).result().completeExceptionally(failure);
            return;
        }
        for (Pending<?> pending : batch) {
            commitBatch(List.of(pending));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        if (result instanceof RuntimeException refused
                && (refused instanceof SlotNotFoundException || refused instanceof RegistrationNotFoundException)) {
            pending.result().completeExceptionally(refused);
        } else {
            pending.result().complete((T) result);
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 2 + Math.min(attempt, 20)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a booking", e);
        }
    }
}
