package fr.usinesouvertes.platform.publishing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** The scheduled actions, one node each under {@code /publishing/schedule/<id>}; the caller saves. */
final class PublicationSchedule {

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
