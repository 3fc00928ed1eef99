package fr.usinesouvertes.events.booking;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryException;
import fr.usinesouvertes.platform.repository.SessionWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import javax.jcr.InvalidItemStateException;

/**
 * Saves concurrent bookings (or other short works, such as the gate's check-ins) of this process together: each caller queues its work, and whichever
 * caller holds the commit lock runs every queued work, in arrival order, on one session and saves them
 * in one commit (group commit). A repository commit has a large fixed cost (session login, Oak's commit
 * hooks and its diff of the whole change, the flush to disk); under load, bookings share it.
 *
 * <p>Correctness is that of one booking after another: every work sees the changes of those before it
 * in the same session, so capacity counters add up. A work that refuses without changing anything
 * ({@link SlotNotFoundException}, {@link SlotCancelledException}, {@link RegistrationNotFoundException},
 * {@link BookingChangeRefusedException}) fails alone; any other failure
 * makes the batch fall back to one commit per work, so nothing half-written is ever saved for anyone.
 * When another cluster node's commit beat a batch (Oak's {@link InvalidItemStateException}), its works
 * are committed one by one, so that only those touching the contended slot wait; each of these backs
 * off for a short random time without holding the commit lock, then queues again.
 */
public final class GroupCommitter {

    private static final int MAX_BATCH = 64;
    private static final int MAX_ATTEMPTS = 200;

    /** The booking's refusals: thrown by a work before it changed anything. */
    private static final Set<Class<? extends RuntimeException>> BOOKING_REFUSALS = Set.of(SlotNotFoundException.class,
            SlotCancelledException.class, RegistrationNotFoundException.class, BookingChangeRefusedException.class);

    private final ContentRepository repository;
    private final Set<Class<? extends RuntimeException>> refusals;
    private final ReentrantLock commitLock = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<?>> queue = new ConcurrentLinkedQueue<>();

    /** A caller's work; {@code queued} turns false when a conflict sends it back to its caller for a retry. */
    private static final class Pending<T> {
        final String key;
        final SessionWork<T> work;
        final CompletableFuture<T> result = new CompletableFuture<>();
        volatile boolean queued = true;
        int conflicts;

        Pending(String key, SessionWork<T> work) {
            this.key = key;
            this.work = work;
        }
    }

    /** What became of a commit attempt. */
    private enum Attempt { SAVED, CONFLICT, FAILED }

    GroupCommitter(ContentRepository repository) {
        this(repository, BOOKING_REFUSALS);
    }

    /**
     * @param refusals exceptions a work throws before it changed anything: it fails alone, the others of its batch are
     *                 saved
     */
    public GroupCommitter(ContentRepository repository, Set<Class<? extends RuntimeException>> refusals) {
        this.repository = repository;
        this.refusals = Set.copyOf(refusals);
    }

    /**
     * Runs {@code work} in a commit, possibly shared with other callers' work, and returns its result
     * once saved and durable.
     *
     * @param key names the contended resource in errors (the slot)
     */
    public <T> T commit(String key, SessionWork<T> work) {
        Pending<T> pending = new Pending<>(key, work);
        queue.add(pending);
        while (!pending.result.isDone()) {
            commitLock.lock();
            try {
                if (!pending.result.isDone() && pending.queued) {
                    commitBatch(drain());
                }
            } finally {
                commitLock.unlock();
            }
            if (!pending.result.isDone() && !pending.queued) {
                backOff(pending.conflicts); // outside the lock: this node's other bookings go on meanwhile
                pending.queued = true;
                queue.add(pending);
            }
        }
        try {
            return pending.result.get();
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
        Attempt attempt = tryCommit(batch);
        if (attempt == Attempt.SAVED) {
            return;
        }
        if (batch.size() > 1) {
            for (Pending<?> pending : batch) { // alone, so that only the culprit fails or waits
                commitBatch(List.of(pending));
            }
            return;
        }
        Pending<?> pending = batch.get(0);
        if (attempt == Attempt.CONFLICT) {
            if (++pending.conflicts >= MAX_ATTEMPTS) {
                pending.result.completeExceptionally(new BookingContentionException(pending.key, MAX_ATTEMPTS));
            } else {
                pending.queued = false; // its caller backs off and queues it again
            }
        }
    }

    /** One commit of the whole batch; completes the works when saved, or a lone work when it failed. */
    private Attempt tryCommit(List<Pending<?>> batch) {
        try {
            List<Object> results = repository.write(session -> {
                List<Object> outcomes = new ArrayList<>(batch.size());
                for (Pending<?> pending : batch) {
                    try {
                        outcomes.add(pending.work.run(session));
                    } catch (RuntimeException e) {
                        if (!refusal(e)) {
                            throw e;
                        }
                        outcomes.add(new Refused(e)); // thrown before the work changed anything
                    }
                }
                return outcomes;
            });
            for (int i = 0; i < batch.size(); i++) {
                complete(batch.get(i), results.get(i));
            }
            return Attempt.SAVED;
        } catch (RepositoryException e) {
            if (e.getCause() instanceof InvalidItemStateException) {
                return Attempt.CONFLICT;
            }
            return failed(batch, e);
        } catch (RuntimeException e) {
            return failed(batch, e);
        }
    }

    private static Attempt failed(List<Pending<?>> batch, RuntimeException failure) {
        if (batch.size() == 1) {
            batch.get(0).result.completeExceptionally(failure);
        }
        return Attempt.FAILED;
    }

    private boolean refusal(RuntimeException e) {
        return refusals.stream().anyMatch(type -> type.isInstance(e));
    }

    /** A work's refusal, kept apart from what the works return. */
    private record Refused(RuntimeException refusal) {
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Pending<T> pending, Object result) {
        if (result instanceof Refused refused) {
            pending.result.completeExceptionally(refused.refusal());
        } else {
            pending.result.complete((T) result);
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
