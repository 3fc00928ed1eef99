package fr.usinesouvertes.platform.search;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.function.Predicate;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.observation.EventListener;
import javax.jcr.observation.ObservationManager;
import org.apache.jackrabbit.api.observation.JackrabbitObservationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an index when the repository changed where it may concern it (JCR observation, including other cluster
 * nodes' commits, outside the trees excluded from change notifications); the index then reads what changed since
 * its checkpoint.
 */
final class ChangeObserver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeObserver.class);

    private final Session session;
    private final EventListener listener;

    /** @param concerns which changed paths wake the index; the others are ignored */
    ChangeObserver(ContentRepository repository, Predicate<String> concerns, Runnable onChange) {
        this.session = repository.loginSystem();
        this.listener = events -> {
            boolean concerned = false;
            while (events.hasNext() && !concerned) {
                String path;
                try {
                    path = events.nextEvent().getPath();
                } catch (RepositoryException e) {
                    path = "/"; // unknown path: let the index look
                }
                concerned = path.equals("/") || concerns.test(path);
            }
            if (concerned) {
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
