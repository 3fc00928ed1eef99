package fr.usinesouvertes.platform.health;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import javax.jcr.Node;

/**
 * The repository answers reads and accepts writes. Reads are checked at every probe (a refreshed session reading
 * the root); writes at most once per {@code writeInterval}, as one small property on this node's own node
 * {@code /config/health/node-<cluster id>} (no conflict between cluster nodes, nothing announced to the caches),
 * and the last write's outcome is reported in between.
 */
final class RepositoryCheck implements Supplier<Readiness.Status> {

    static final String FOLDER = "health";
    private static final int WRITE_ATTEMPTS = 3;

    private final ContentRepository repository;
    private final Clock clock;
    private final Duration writeInterval;
    private final String nodeName;
    private long lastWriteAt; // guarded by this
    private String writeFailure; // guarded by this; null after a successful write
    private boolean written; // guarded by this

    RepositoryCheck(ContentRepository repository, Clock clock, Duration writeInterval) {
        this.repository = repository;
        this.clock = clock;
        this.writeInterval = writeInterval;
        this.nodeName = "node-" + repository.backend().clusterId();
    }

    @Override
    public Readiness.Status get() {
        try {
            repository.read(session -> session.getRootNode().hasNode("config"));
        } catch (RuntimeException e) {
            return Readiness.Status.down("not readable: " + e.getClass().getSimpleName());
        }
        String failure = writeIfDue();
        return failure == null ? Readiness.Status.up("readable and writable")
                : Readiness.Status.down("not writable: " + failure);
    }

    private synchronized String writeIfDue() {
        long now = clock.millis();
        if (!written || now - lastWriteAt >= writeInterval.toMillis()) {
            lastWriteAt = now;
            written = true;
            writeFailure = null;
            // a commit another node makes at the same moment may conflict with this one (Oak then refuses the
            // later commit): a repository that accepts the second attempt is writable
            for (int attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
                try {
                    write(now);
                    writeFailure = null;
                    break;
                } catch (RuntimeException e) {
                    writeFailure = e.getClass().getSimpleName();
                }
            }
        }
        return writeFailure;
    }

    private void write(long now) {
        repository.write(session -> {
            Node config = session.getNode("/config");
            Node folder = config.hasNode(FOLDER) ? config.getNode(FOLDER) : config.addNode(FOLDER, "mgnl:content");
            Node node = folder.hasNode(nodeName) ? folder.getNode(nodeName) : folder.addNode(nodeName, "mgnl:contentNode");
            node.setProperty("checked", now);
            return null;
        });
    }
}
