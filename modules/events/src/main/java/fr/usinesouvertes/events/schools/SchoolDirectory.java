package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;

/**
 * The schools directory in the repository: one node per establishment at {@code /schools/directory/<UAI>}, replaced
 * whole by each import. An import writes the new directory beside the current one in batches, then swaps them in one
 * commit, so readers see the old directory or the new one, never half of one; a failed import leaves the current one.
 * Proposals sent to schools are kept elsewhere ({@code /schools/proposals}), by UAI, so re-importing keeps them.
 * The establishments are read once per directory version and kept in memory for matching (a few tens of megabytes
 * for the whole of France).
 */
public final class SchoolDirectory {

    public static final String WORKSPACE = "schools";
    static final String DIRECTORY = "/" + WORKSPACE + "/directory";
    private static final int BATCH = 2_000;

    private final ContentRepository repository;
    private volatile Loaded loaded;

    private record Loaded(String version, List<School> schools) {
    }

    public SchoolDirectory(ContentRepository repository) {
        this.repository = repository;
    }

    /** Replaces the directory with {@code schools}; returns how many were stored. */
    public int replace(List<School> schools, String by, java.time.Clock clock) {
        String staging = "/" + WORKSPACE + "/import-" + UUID.randomUUID();
        try {
            for (int from = 0; from < schools.size() || from == 0; from += BATCH) {
                List<School> batch = schools.subList(from, Math.min(schools.size(), from + BATCH));
                repository.write(session -> {
                    Node folder = JcrUtils.getOrCreateByPath(staging, "oak:Unstructured", "oak:Unstructured", session, false);
                    for (School school : batch) {
                        write(folder.addNode(school.uai(), "oak:Unstructured"), school);
                    }
                    return null;
                });
                if (schools.isEmpty()) {
                    break;
                }
            }
            repository.write(session -> {
                if (session.nodeExists(DIRECTORY)) {
                    session.getNode(DIRECTORY).remove();
                }
                session.move(staging, DIRECTORY);
                Node directory = session.getNode(DIRECTORY);
                directory.setProperty("version", UUID.randomUUID().toString());
                directory.setProperty("count", (long) schools.size());
                directory.setProperty("importedBy", by);
                directory.setProperty("importedAt", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
                return null;
            });
            return schools.size();
        } catch (RuntimeException e) {
            repository.write(session -> {
                if (session.nodeExists(staging)) {
                    session.getNode(staging).remove();
                }
                return null;
            });
            throw e;
        }
    }

    /** Every establishment of the current directory (empty before the first import). */
    public List<School> all() {
        String version = repository.read(session -> session.nodeExists(DIRECTORY)
                ? JcrUtils.getStringProperty(session.getNode(DIRECTORY), "version", "") : "");
        Loaded current = loaded;
        if (current != null && current.version().equals(version)) {
            return current.schools();
        }
        List<School> schools = repository.read(session -> read(session));
        loaded = new Loaded(version, schools);
        return schools;
    }

    private static List<School> read(Session session) throws RepositoryException {
        List<School> schools = new ArrayList<>();
        if (!session.nodeExists(DIRECTORY)) {
            return schools;
        }
        for (NodeIterator it = session.getNode(DIRECTORY).getNodes(); it.hasNext(); ) {
            Node node = it.nextNode();
            Set<School.Level> levels = EnumSet.noneOf(School.Level.class);
            if (node.hasProperty("levels")) {
                for (Value value : node.getProperty("levels").getValues()) {
                    levels.add(School.Level.valueOf(value.getString()));
                }
            }
            schools.add(new School(node.getName(), text(node, "name"), text(node, "type"), levels,
                    JcrUtils.getBooleanProperty(node, "public", true), text(node, "address"), text(node, "postalCode"),
                    text(node, "communeCode"), text(node, "commune"), text(node, "email"), text(node, "phone"),
                    JcrUtils.getDoubleProperty(node, "latitude", 0), JcrUtils.getDoubleProperty(node, "longitude", 0)));
        }
        return List.copyOf(schools);
    }

    private static void write(Node node, School school) throws RepositoryException {
        node.setProperty("name", school.name());
        node.setProperty("type", school.type());
        node.setProperty("levels", school.levels().stream().map(Enum::name).sorted().toArray(String[]::new));
        node.setProperty("public", school.publicSector());
        node.setProperty("address", school.address());
        node.setProperty("postalCode", school.postalCode());
        node.setProperty("communeCode", school.communeCode());
        node.setProperty("commune", school.commune());
        node.setProperty("email", school.email());
        node.setProperty("phone", school.phone());
        node.setProperty("latitude", school.latitude());
        node.setProperty("longitude", school.longitude());
    }

    private static String text(Node node, String name) throws RepositoryException {
        return JcrUtils.getStringProperty(node, name, "");
    }
}
