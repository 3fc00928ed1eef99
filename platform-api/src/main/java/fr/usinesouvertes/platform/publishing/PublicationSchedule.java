package fr.usinesouvertes.platform.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The scheduled actions, one node each under {@code /publishing/schedule/<id>}; the caller saves. A publication
 * approved in review also keeps a copy of the draft as it was approved ({@value #APPROVED} child, its fingerprint in
 * {@value #APPROVED_FINGERPRINT}), so that edits made after the approval are not published with it.
 */
final class PublicationSchedule {

    private static final String APPROVED = "approved";
    private static final String APPROVED_FINGERPRINT = "approvedFingerprint";

    ScheduledAction add(Session session, String workspace, String path, Publishing.Action action, Instant at,
                        boolean withSubPages, String by) throws RepositoryException {
        String id = UUID.randomUUID().toString();
        Node entry = session.getNode(PublishingTree.SCHEDULE).addNode(id, "nt:unstructured");
        entry.setProperty("workspace", workspace);
        entry.setProperty("path", path);
        entry.setProperty("action", action.name());
        Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        when.setTimeInMillis(at.toEpochMilli());
        entry.setProperty("at", when);
        entry.setProperty("withSubPages", withSubPages);
        entry.setProperty("by", by);
        return new ScheduledAction(id, workspace, path, action, at, withSubPages, by);
    }

    /** Schedules the publication of {@code draft} as it is now (not its sub-pages): what a reviewer approved. */
    ScheduledAction addApproved(Session session, String workspace, String path, Node draft, Instant at, String by)
            throws RepositoryException {
        ScheduledAction action = add(session, workspace, path, Publishing.Action.PUBLISH, at, false, by);
        Node entry = session.getNode(PublishingTree.SCHEDULE + "/" + action.id());
        entry.setProperty(APPROVED_FINGERPRINT, Fingerprint.of(draft));
        NodeCopier.copyContent(draft, entry.addNode(APPROVED, draft.getPrimaryNodeType().getName()));
        return action;
    }

    /**
     * The content an entry must publish in place of its draft: the approved copy when the draft changed since the
     * approval, else empty (the draft as it is, also for an entry that was not approved in review).
     */
    Optional<Node> approvedInsteadOf(Session session, String id, Node draft) throws RepositoryException {
        String path = PublishingTree.SCHEDULE + "/" + id;
        if (!session.nodeExists(path + "/" + APPROVED)) {
            return Optional.empty();
        }
        Node entry = session.getNode(path);
        boolean unchanged = entry.getProperty(APPROVED_FINGERPRINT).getString().equals(Fingerprint.of(draft));
        return unchanged ? Optional.empty() : Optional.of(entry.getNode(APPROVED));
    }

    /** Whether the entry is still there (not cancelled, not run by another node). */
    boolean exists(Session session, String id) throws RepositoryException {
        return validId(id) && session.nodeExists(PublishingTree.SCHEDULE + "/" + id);
    }

    /** Removes an entry; false when there is none. */
    boolean remove(Session session, String id) throws RepositoryException {
        String path = PublishingTree.SCHEDULE + "/" + id;
        if (!validId(id) || !session.nodeExists(path)) {
            return false;
        }
        session.getNode(path).remove();
        return true;
    }

    /** Every entry, soonest first. */
    List<ScheduledAction> all(Session session) throws RepositoryException {
        List<ScheduledAction> actions = new ArrayList<>();
        if (!session.nodeExists(PublishingTree.SCHEDULE)) {
            return actions;
        }
        for (NodeIterator it = session.getNode(PublishingTree.SCHEDULE).getNodes(); it.hasNext(); ) {
            Node entry = it.nextNode();
            actions.add(new ScheduledAction(entry.getName(), entry.getProperty("workspace").getString(),
                    entry.getProperty("path").getString(),
                    Publishing.Action.valueOf(entry.getProperty("action").getString()),
                    Instant.ofEpochMilli(entry.getProperty("at").getDate().getTimeInMillis()),
                    entry.getProperty("withSubPages").getBoolean(), entry.getProperty("by").getString()));
        }
        actions.sort((a, b) -> a.at().compareTo(b.at()));
        return actions;
    }

    static boolean validId(String id) {
        try {
            return id != null && UUID.fromString(id).toString().equals(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
