package fr.usinesouvertes.events.booking;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.jcr.Node;
import javax.jcr.NodeIterator;

/** What booking tests share: a bare slot, the persons actually confirmed on it, and a concurrent burst. */
public final class BookingTestSupport {

    private BookingTestSupport() {
    }

    /** A unit of work numbered within its burst. */
    public interface Indexed<T> {
        T call(int index) throws Exception;
    }

    /** Creates a slot with a capacity and nothing else under {@code /events}; returns its identifier. */
    public static String slot(ContentRepository repository, long capacity) {
        return repository.write(session -> {
            Node root = session.getRootNode().hasNode("events") ? session.getNode("/events")
                    : session.getRootNode().addNode("events", "nt:unstructured");
            Node slot = root.addNode("slot-" + System.nanoTime(), "mgnl:contentNode");
            slot.setProperty("capacity", capacity);
            return slot.getIdentifier();
        });
    }

    /** Persons of the slot's confirmed registrations, counted from the registrations themselves. */
    public static long confirmedPersons(ContentRepository repository, String slot) {
        return repository.read(session -> {
            String path = "/" + SlotBooking.WORKSPACE + "/" + slot;
            if (!session.nodeExists(path)) {
                return 0L;
            }
            long persons = 0;
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node registration = it.nextNode();
                if (registration.hasProperty("status") && "confirmed".equals(registration.getProperty("status").getString())) {
                    persons += registration.getProperty("persons").getLong();
                }
            }
            return persons;
        });
    }

    /** Runs {@code count} calls released together on 64 threads and returns their results in order. */
    public static <T> List<T> concurrently(int count, Indexed<T> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return work.call(index);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
