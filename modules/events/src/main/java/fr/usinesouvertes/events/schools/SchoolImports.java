package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.jcr.Binary;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Value;
import org.apache.jackrabbit.commons.JcrUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports of the schools directory uploaded from the back office, run in the background: the upload is kept at
 * {@code /schools/imports/<id>} (queued), and the run-once cluster job {@value #JOB} reads it on the node holding the
 * job's lease, writing its progress there (rows read of the file's rows, the rows left out with their line and
 * reason) so that the page shows it from any node. The directory is replaced only when every row could be used (or
 * the organisers chose to leave the bad rows out), in one commit ({@link SchoolDirectory#replace}): nothing is ever
 * half-imported. Proposals, kept by UAI elsewhere, stay.
 */
public final class SchoolImports {

    static final String JOB = "schools-import";
    static final String IMPORTS = "/" + SchoolDirectory.WORKSPACE + "/imports";
    private static final Logger LOG = LoggerFactory.getLogger(SchoolImports.class);
    private static final int SHOWN_PROBLEMS = 50;
    /** Longer than any import goes without writing its progress (the whole directory is written in about a minute). */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(15);

    /** Where an import stands. */
    public enum State { QUEUED, RUNNING, DONE, FAILED }

    /**
     * An import as the page shows it.
     *
     * @param rowsRead  rows of the file read so far
     * @param rows      the file's rows (its lines but the header)
     * @param problems  rows left out, {@code line N: reason}, the first {@value #SHOWN_PROBLEMS}
     * @param result    what the import did, or why it stopped
     */
    public record Progress(String id, State state, String file, long rowsRead, long rows, List<String> problems,
                           long problemCount, String result) {

        public boolean finished() {
            return state == State.DONE || state == State.FAILED;
        }
    }

    private final ContentRepository repository;
    private final SchoolDirectory directory;
    private final Clock clock;

    public SchoolImports(ContentRepository repository, SchoolDirectory directory, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.clock = clock;
    }

    /** Runs the queued imports on the node holding the job's lease, looking every {@code poll}. */
    public void schedule(ClusterJobs jobs, Duration poll) {
        jobs.runOnce(JOB, poll, this::runQueued);
    }

    /**
     * Queues the uploaded file; returns the import's id.
     *
     * @param skipBadRows import the usable rows even when some are left out (else a bad row stops the import)
     */
    public String submit(InputStream file, String fileName, boolean withPrimary, boolean skipBadRows, String by) {
        String id = "i" + Long.toString(clock.millis(), 36) + "-" + UUID.randomUUID().toString().substring(0, 8);
        repository.write(session -> {
            Node node = JcrUtils.getOrCreateByPath(IMPORTS + "/" + id, "oak:Unstructured", "oak:Unstructured", session,
                    false);
            Binary binary = session.getValueFactory().createBinary(file);
            node.setProperty("file", binary);
            node.setProperty("rows", Math.max(0, lines(binary) - 1));
            node.setProperty("fileName", fileName);
            node.setProperty("withPrimary", withPrimary);
            node.setProperty("skipBadRows", skipBadRows);
            node.setProperty("by", by);
            node.setProperty("state", State.QUEUED.name());
            node.setProperty("queuedAt", GregorianCalendar.from(clock.instant().atZone(clock.getZone())));
            return null;
        });
        return id;
    }

    /** The latest import, if any. */
    public Optional<Progress> latest() {
        return repository.read(session -> {
            if (!session.nodeExists(IMPORTS)) {
                return Optional.empty();
            }
            Node latest = null;
            for (NodeIterator it = session.getNode(IMPORTS).getNodes(); it.hasNext(); ) {
                Node node = it.nextNode();
                if (latest == null || node.getName().compareTo(latest.getName()) > 0) {
                    latest = node;
                }
            }
            return latest == null ? Optional.empty() : Optional.of(progress(latest));
        });
    }

    /**
     * Runs every queued import, oldest first; an import left running by a node that stopped (no progress written for
     * {@link #ABANDONED_AFTER}) is marked stopped first: it imported nothing, as the directory is swapped in one commit.
     */
    public void runQueued() {
        for (String id : abandoned()) {
            finish(IMPORTS + "/" + id, State.FAILED, "L'import a été interrompu (arrêt du serveur) : rien n'a été "
                    + "importé ; importez le fichier de nouveau.");
        }
        for (String id = next(); id != null; id = next()) {
            run(id);
        }
    }

    private List<String> abandoned() {
        long before = System.currentTimeMillis() - ABANDONED_AFTER.toMillis(); // real time, even under --clock
        return repository.read(session -> {
            List<String> ids = new ArrayList<>();
            if (session.nodeExists(IMPORTS)) {
                for (NodeIterator it = session.getNode(IMPORTS).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (State.RUNNING.name().equals(JcrUtils.getStringProperty(node, "state", ""))
                            && JcrUtils.getLongProperty(node, "updatedAt", 0) < before) {
                        ids.add(node.getName());
                    }
                }
            }
            return ids;
        });
    }

    private String next() {
        return repository.read(session -> {
            String oldest = null;
            if (session.nodeExists(IMPORTS)) {
                for (NodeIterator it = session.getNode(IMPORTS).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    if (State.QUEUED.name().equals(JcrUtils.getStringProperty(node, "state", ""))
                            && (oldest == null || node.getName().compareTo(oldest) < 0)) {
                        oldest = node.getName();
                    }
                }
            }
            return oldest;
        });
    }

    private void run(String id) {
        String path = IMPORTS + "/" + id;
        update(path, node -> node.setProperty("state", State.RUNNING.name()));
        try {
            boolean[] options = repository.read(session -> new boolean[] {
                    JcrUtils.getBooleanProperty(session.getNode(path), "withPrimary", false),
                    JcrUtils.getBooleanProperty(session.getNode(path), "skipBadRows", false)});
            SchoolsCsv.Parsed parsed = parse(path, options[0]);
            List<String> problems = parsed.problems().stream().limit(SHOWN_PROBLEMS)
                    .map(problem -> "ligne " + problem.line() + " : " + problem.reason()).toList();
            update(path, node -> {
                node.setProperty("rowsRead", node.getProperty("rows").getLong());
                node.setProperty("problems", problems.toArray(String[]::new));
                node.setProperty("problemCount", (long) parsed.problemCount());
            });
            if (parsed.problemCount() > 0 && !options[1]) {
                finish(path, State.FAILED, parsed.problemCount() + " ligne(s) inutilisable(s) : rien n'a été importé. "
                        + "Corrigez le fichier, ou importez-le en laissant ces lignes de côté.");
                return;
            }
            String by = repository.read(session -> JcrUtils.getStringProperty(session.getNode(path), "by", ""));
            int stored = directory.replace(parsed.schools(), by, clock);
            finish(path, State.DONE, stored + " établissement(s) importé(s), " + parsed.problemCount()
                    + " ligne(s) laissée(s) de côté, " + parsed.outOfScope() + " hors champ (écoles, administrations).");
        } catch (IllegalArgumentException e) {
            finish(path, State.FAILED, "Fichier refusé, rien n'a été importé : " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("The schools import {} failed", id, e);
            finish(path, State.FAILED, "L'import a échoué, rien n'a été importé (voir le journal du serveur).");
        }
    }

    private SchoolsCsv.Parsed parse(String path, boolean withPrimary) {
        return repository.read(session -> {
            try (InputStream in = session.getNode(path).getProperty("file").getBinary().getStream()) {
                return SchoolsCsv.read(in, withPrimary, rows -> update(path, node -> node.setProperty("rowsRead", rows)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Ends an import: its state and result; the uploaded file is dropped. */
    private void finish(String path, State state, String result) {
        update(path, node -> {
            node.setProperty("state", state.name());
            node.setProperty("result", result);
            if (node.hasProperty("file")) {
                node.getProperty("file").remove();
            }
        });
    }

    private interface Change {
        void apply(Node node) throws RepositoryException;
    }

    private void update(String path, Change change) {
        repository.write(session -> {
            Node node = session.getNode(path);
            change.apply(node);
            node.setProperty("updatedAt", System.currentTimeMillis());
            return null;
        });
    }

    private static Progress progress(Node node) throws RepositoryException {
        List<String> problems = new ArrayList<>();
        if (node.hasProperty("problems")) {
            for (Value value : node.getProperty("problems").getValues()) {
                problems.add(value.getString());
            }
        }
        return new Progress(node.getName(), State.valueOf(JcrUtils.getStringProperty(node, "state", "QUEUED")),
                JcrUtils.getStringProperty(node, "fileName", ""), JcrUtils.getLongProperty(node, "rowsRead", 0),
                JcrUtils.getLongProperty(node, "rows", 0), problems, JcrUtils.getLongProperty(node, "problemCount", 0),
                JcrUtils.getStringProperty(node, "result", ""));
    }

    private static long lines(Binary binary) throws RepositoryException {
        long lines = 0;
        byte last = '\n';
        try (InputStream in = binary.getStream()) {
            byte[] buffer = new byte[64 * 1024];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                if (read > 0) {
                    last = buffer[read - 1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return last == '\n' ? lines : lines + 1;
    }
}
