package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.platform.repository.ContentRepository;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Deletes the school contacts kept for an edition, when the organisers choose to with the edition's personal data: the
 * address each proposal went to, the organisers' messages on transport-funding requests, and the e-mail address and
 * phone number of every establishment of the directory (an import brings them back). What the figures need stays:
 * the UAI, status and history of each proposal, the amounts of each funding decision.
 */
public final class SchoolContactsPurge {

    /** What was deleted. */
    public record Result(int proposals, int decisions, int establishments) {
    }

    private final ContentRepository repository;

    public SchoolContactsPurge(ContentRepository repository) {
        this.repository = repository;
    }

    public Result purge(int year) {
        return repository.write(session -> new Result(
                removeFrom(session, SchoolProposals.PROPOSALS + "/" + year, "email"),
                removeFrom(session, TransportFunding.FUNDING + "/" + year, "message"),
                removeFrom(session, SchoolDirectory.DIRECTORY, "email", "phone")));
    }

    /** Removes the properties from every child of {@code path}; returns how many children had one. */
    private static int removeFrom(Session session, String path, String... properties) throws RepositoryException {
        if (!session.nodeExists(path)) {
            return 0;
        }
        int changed = 0;
        for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            boolean any = false;
            for (String property : properties) {
                if (node.hasProperty(property)) {
                    node.getProperty(property).remove();
                    any = true;
                }
            }
            changed += any ? 1 : 0;
        }
        return changed;
    }
}
