package fr.usinesouvertes.platform.repository;

import java.lang.reflect.Field;
import java.util.AbstractQueue;
import java.util.Collections;
import java.util.Iterator;
import java.util.Queue;
import org.apache.jackrabbit.oak.segment.SegmentNodeStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops Oak's segment node store from keeping a minute of commits in memory.
 *
 * <p>For its monitoring bean, Oak's {@code CommitsTracker} keeps every commit that had to wait for the commit
 * lock during the last minute, and through a reference to the commit's generation it keeps the whole commit:
 * its change set, its hooks and their builders, about 6 KB each. A commit waits whenever a reader is refreshing
 * the head at that moment, which under load is nearly always. Measured: 5,000 commits (30 MB) held by a node
 * taking registrations with {@code -Xmx160m}, a fifth of its heap; 16,600 commits (100 MB) in a minute of
 * bookings in-process. The list only feeds the bean's "commits per writer in the last minute", which the
 * platform does not expose, so it is replaced with one that keeps nothing.
 *
 * <p>This reaches into Oak's private fields (Oak 1.82). Should a later version rename them, the store works as
 * before, only with that memory held, and a warning says so.
 */
final class CommitTrackerTrimming {

    private static final Logger LOG = LoggerFactory.getLogger(CommitTrackerTrimming.class);

    private CommitTrackerTrimming() {
    }

    /** @return whether the store's commit list now keeps nothing */
    static boolean apply(SegmentNodeStore store) {
        try {
            Object tracker = field(field(field(store, "scheduler"), "stats"), "commitsTracker");
            Field commits = declaredField(tracker.getClass(), "commits");
            commits.set(tracker, new KeepingNothing<>());
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("Could not stop Oak's commit tracker from keeping the last minute of commits in memory ({}); "
                    + "expect about 6 KB of heap per commit and minute", e.toString());
            return false;
        }
    }

    /** The commits the store's tracker holds now (for tests). */
    static int trackedCommits(SegmentNodeStore store) throws ReflectiveOperationException {
        Object tracker = field(field(field(store, "scheduler"), "stats"), "commitsTracker");
        return ((Queue<?>) field(tracker, "commits")).size();
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        return declaredField(owner.getClass(), name).get(owner);
    }

    private static Field declaredField(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                Field field = c.getDeclaredField(name);
                field.setAccessible(true);
                return field;
            } catch (NoSuchFieldException e) {
                // declared higher up
            }
        }
        throw new NoSuchFieldException(name + " in " + type.getName());
    }

    /** A queue that accepts everything and keeps nothing. */
    private static final class KeepingNothing<E> extends AbstractQueue<E> {

        @Override
        public Iterator<E> iterator() {
            return Collections.emptyIterator();
        }

        @Override
        public int size() {
            return 0;
        }

        @Override
        public boolean offer(E element) {
            return true;
        }

        @Override
        public E poll() {
            return null;
        }

        @Override
        public E peek() {
            return null;
        }
    }
}
