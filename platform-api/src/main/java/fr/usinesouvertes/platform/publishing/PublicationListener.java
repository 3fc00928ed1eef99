package fr.usinesouvertes.platform.publishing;

import java.time.Instant;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Told of each publication and unpublication an editor, a review approval or a scheduled action makes, inside the
 * commit that makes it: what the listener writes in {@code session} is saved with the publication or not at all
 * (an outbox, e.g. the webhooks'). Bootstrap and first-start publications are not events.
 */
@FunctionalInterface
public interface PublicationListener {

    void onPublication(Session session, Event event) throws RepositoryException;

    /**
     * @param path       the path inside the workspace ({@code /journees-usines-ouvertes/presse})
     * @param identifier the draft's {@code jcr:uuid}, the node's public {@code @id}
     * @param nodeType   the node's primary type ({@code mgnl:page})
     */
    record Event(Kind kind, String workspace, String path, String identifier, String nodeType, String by, Instant at) {
    }

    enum Kind { PUBLISHED, UNPUBLISHED }
}
