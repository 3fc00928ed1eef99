package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.VersionTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * The record of installed modules kept in the {@code config} workspace, as Magnolia keeps it:
 * {@code /config/modules/<name>} with a {@code version} property and, under {@code tasks}, one child per
 * executed task ({@code version}, {@code description}, {@code executedAt}).
 */
final class InstalledModules {

    static final String MODULES_PATH = "/config/modules";
    private static final String FOLDER_TYPE = "mgnl:content";
    private static final String RECORD_TYPE = "mgnl:contentNode";

    private InstalledModules() {
    }

    /** The version recorded for a module, or {@code null} if it was never installed. */
    static String installedVersion(Session session, String module) throws RepositoryException {
        String path = MODULES_PATH + "/" + module;
        if (!session.nodeExists(path) || !session.getNode(path).hasProperty("version")) {
            return null;
        }
        return session.getNode(path).getProperty("version").getString();
    }

    /** Tasks already recorded for a module, as {@code version|description} keys. */
    static List<String> executedTasks(Session session, String module) throws RepositoryException {
        List<String> keys = new ArrayList<>();
        String path = MODULES_PATH + "/" + module + "/tasks";
        if (session.nodeExists(path)) {
            for (NodeIterator it = session.getNode(path).getNodes(); it.hasNext(); ) {
                Node record = it.nextNode();
                keys.add(key(record.getProperty("version").getString(), record.getProperty("description").getString()));
            }
        }
        return keys;
    }

    static String key(String version, String description) {
        return version + "|" + description;
    }

    static void recordTask(Session session, String module, VersionTask task, Clock clock) throws RepositoryException {
        Node tasks = child(moduleNode(session, module), "tasks", FOLDER_TYPE);
        Node record = tasks.addNode(String.valueOf(tasks.getNodes().getSize()), RECORD_TYPE);
        record.setProperty("version", task.version());
        record.setProperty("description", task.description());
        record.setProperty("executedAt", now(clock));
    }

    static void recordVersion(Session session, String module, String version, Clock clock) throws RepositoryException {
        Node node = moduleNode(session, module);
        node.setProperty("version", version);
        node.setProperty("installedAt", now(clock));
    }

    private static Node moduleNode(Session session, String module) throws RepositoryException {
        Node modules = child(session.getNode("/config"), "modules", FOLDER_TYPE);
        return child(modules, module, FOLDER_TYPE);
    }

    private static Node child(Node parent, String name, String type) throws RepositoryException {
        return parent.hasNode(name) ? parent.getNode(name) : parent.addNode(name, type);
    }

    private static Calendar now(Clock clock) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        calendar.setTimeInMillis(clock.millis());
        return calendar;
    }
}
