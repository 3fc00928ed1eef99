package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Predicate;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;
import org.apache.jackrabbit.api.observation.JackrabbitObservationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects the paths of the repository's changes (JCR observation, including other cluster nodes'
 * commits, outside the trees excluded from change notifications) that concern an index until the index
 * drains them, and tells the index that some are waiting.
 */
final class ChangeObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeObserver.class);

    private final Session session;
    private final EventListener listener;
    private final Set<String> paths = new LinkedHashSet<>();

    /** @param concerns which changed paths to collect; the others neither count nor wake the index */
    ChangeObserver(ContentRepository repository, Predicate<String> concerns, Runnable onChange) {
        this.session = repository.loginSystem();
        this.listener = events -> {
            boolean collected = false;
            synchronized (paths) {
                while (events.hasNext()) {
                    String path;
                    try {
                        path = events.nextEvent().getPath();
                    } catch (RepositoryException e) {
                        path = "/"; // unknown path: the source answers with a full rebuild
                    }
                    if (path.equals("/") || concerns.test(path)) {
                        paths.add(path);
                        collected = true;
                    }
                }
            }
            if (collected) {
                onChange.run();
            }
        };
        try {
            // Private trees (registrations, the mail queue...) are left out by Oak itself, before any event exists.
            ((JackrabbitObservationManager) session.getWorkspace().getObservationManager())
                    .addEventListener(listener, repository.announcedChangesFilter());
        } catch (RepositoryException e) {
            session.logout();
            throw new IllegalStateException("Cannot observe the repository for the search index", e);
        }
    }

    /** The paths changed since the last call. */
    Set<String> drain() {
        synchronized (paths) {
            Set<String> drained = new LinkedHashSet<>(paths);
            paths.clear();
            return drained;
        }
    }

    @Override
    public void close() {
        try {
            ObservationManager manager = session.getWorkspace().getObservationManager();
            manager.removeEventListener(listener);
        } catch (RepositoryException e) {
            LOG.debug("Removing the search index's observation listener failed", e);
        } finally {
            session.logout();
        }
    }
}
