package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.apache.jackrabbit.util.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports light modules' bootstrap content once: each file is recorded at
 * {@code /config/bootstrap/<module>/<file>} (checksum, date, outcome) in the same save as its content,
 * and a recorded file is never imported again, so editors' later changes are never overwritten, even
 * if the file changes. A file whose top-level node already exists (an editor created it) is skipped
 * with a warning and recorded. A broken file is logged with its name and reason, not recorded (it is
 * retried at the next start once fixed), and does not stop the others or the platform.
 */
public final class BootstrapImporter {

    static final String RECORDS_PATH = "/config/bootstrap";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapImporter.class);

    private final ContentRepository repository;
    private final MagnoliaYamlImporter importer;
    private final Clock clock;
    private ImportListener listener = (session, workspace, paths) -> { };

    public BootstrapImporter(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.importer = new MagnoliaYamlImporter(repository);
        this.clock = clock;
    }

    /** Work done in each file's import session before it is saved, e.g. publishing the imported nodes. */
    @FunctionalInterface
    public interface ImportListener {
        void imported(Session session, String workspace, List<String> paths) throws RepositoryException;
    }

    /** Sets the work done after each file's import, in the same commit. */
    public BootstrapImporter onImported(ImportListener listener) {
        this.listener = listener;
        return this;
    }

    /** What happened to one file at this start. */
    public enum Outcome { IMPORTED, SKIPPED_EXISTING, ALREADY_IMPORTED, FAILED }

    /** One file's outcome; {@code message} says why for a skipped or failed file. */
    public record Result(String module, String file, Outcome outcome, String message) {
    }

    /**
     * Imports every module's files not yet recorded, all modules together in {@link BootstrapFile#IMPORT_ORDER}
     * (shallower paths first), so a module can bootstrap a page under another module's page.
     */
    public List<Result> importAll(BootstrapSources sources) {
        List<Result> results = new ArrayList<>();
        Map<String, List<BootstrapFile>> byModule;
        try {
            byModule = sources.byModule();
        } catch (ContentImportException e) {
            LOG.error("Bootstrap content not imported: {}", e.getMessage());
            results.add(new Result("", "", Outcome.FAILED, e.getMessage()));
            return results;
        }
        List<BootstrapFile> all = new ArrayList<>();
        byModule.values().forEach(all::addAll);
        all.sort(BootstrapFile.IMPORT_ORDER.thenComparing(BootstrapFile::module));
        all.forEach(file -> results.add(importOnce(file)));
        return results;
    }

    /** Imports one file unless it was recorded before. */
    public Result importOnce(BootstrapFile file) {
        String recordPath = RECORDS_PATH + "/" + Text.escapeIllegalJcrChars(file.module()) + "/"
                + escapePath(file.relativePath());
        if (repository.read(session -> session.nodeExists(recordPath))) {
            return new Result(file.module(), file.relativePath(), Outcome.ALREADY_IMPORTED, null);
        }
        String where = file.module() + "/bootstrap/" + file.relativePath();
        try {
            Result result;
            if (ContentFileName.isXml(file.fileName())) {
                String workspace = ContentFileName.parse(file.fileName()).workspace();
                List<String> paths = List.of(SystemViewImport.nodePath(file.fileName(), file.content()));
                result = repository.write(session -> importAndRecord(session, file, workspace, paths, recordPath,
                        () -> SystemViewImport.importInto(session, repository.workspaces(), file.fileName(),
                                file.content(), ImportMode.FAIL)));
            } else {
                MagnoliaYamlFile parsed = MagnoliaYamlFile.parse(file.fileName(), file.content());
                result = repository.write(session -> importAndRecord(session, file, parsed.workspace(),
                        parsed.nodePaths(), recordPath, () -> importer.importInto(session, parsed)));
            }
            if (result.outcome() == Outcome.SKIPPED_EXISTING) {
                LOG.warn("Bootstrap file {} skipped: {}", where, result.message());
            } else {
                LOG.info("Bootstrap file {} imported", where);
            }
            return result;
        } catch (ContentImportException | fr.usinesouvertes.platform.repository.RepositoryException e) {
            String reason = e.getMessage().startsWith(file.fileName()) ? e.getMessage()
                    : file.fileName() + ": " + e.getMessage();
            LOG.error("Bootstrap file {} not imported: {}", where, reason);
            return new Result(file.module(), file.relativePath(), Outcome.FAILED, reason);
        }
    }

    /** Imports a file's content in the caller's session. */
    @FunctionalInterface
    private interface SessionImport {
        List<String> run() throws RepositoryException;
    }

    private Result importAndRecord(Session session, BootstrapFile file, String workspace, List<String> nodePaths,
                                   String recordPath, SessionImport importing) throws RepositoryException {
        List<String> existing = new ArrayList<>();
        for (String path : nodePaths) {
            if (session.nodeExists(jcrPath(file, workspace, path))) {
                existing.add(path);
            }
        }
        Outcome outcome;
        String message = null;
        if (existing.isEmpty()) {
            importing.run();
            listener.imported(session, workspace, nodePaths);
            outcome = Outcome.IMPORTED;
        } else {
            outcome = Outcome.SKIPPED_EXISTING;
            message = "node " + String.join(", ", existing) + " of workspace '" + workspace
                    + "' already exists; it is kept as it is";
        }
        record(session, recordPath, file, outcome);
        return new Result(file.module(), file.relativePath(), outcome, message);
    }

    private String jcrPath(BootstrapFile file, String workspace, String path) {
        try {
            return repository.workspaces().toJcrPath(workspace, path);
        } catch (IllegalArgumentException e) {
            throw new ContentImportException(file.fileName() + ": " + e.getMessage());
        }
    }

    private void record(Session session, String recordPath, BootstrapFile file, Outcome outcome)
            throws RepositoryException {
        Node node = session.getNode("/config");
        String[] names = recordPath.substring("/config/".length()).split("/");
        for (int i = 0; i < names.length; i++) {
            String type = i == names.length - 1 ? "mgnl:contentNode" : "mgnl:content";
            node = node.hasNode(names[i]) ? node.getNode(names[i]) : node.addNode(names[i], type);
        }
        node.setProperty("file", file.relativePath());
        node.setProperty("checksum", sha256(file.content()));
        node.setProperty("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT));
        GregorianCalendar now = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        now.setTimeInMillis(clock.millis());
        node.setProperty("importedAt", now);
    }

    private static String escapePath(String relativePath) {
        List<String> escaped = new ArrayList<>();
        for (String segment : relativePath.split("/")) {
            escaped.add(Text.escapeIllegalJcrChars(segment));
        }
        return String.join("/", escaped);
    }

    static String sha256(String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
