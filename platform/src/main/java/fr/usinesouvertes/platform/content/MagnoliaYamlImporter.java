package fr.usinesouvertes.platform.content;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.Workspaces;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.jcr.ImportUUIDBehavior;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import javax.jcr.nodetype.NodeTypeManager;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Imports content files in Magnolia's YAML export format ({@link MagnoliaYamlFile}), all or nothing: a
 * file that is malformed, names a bad workspace or an unknown node type, whose parent node is missing or
 * whose identifiers already exist leaves the repository unchanged and throws a
 * {@link ContentImportException} naming the file.
 *
 * <p>Identifiers ({@code jcr:uuid}) are kept: the import goes through the repository's system-view
 * importer, by default with {@link ImportUUIDBehavior#IMPORT_UUID_COLLISION_THROW}; an {@link ImportMode} chooses
 * Magnolia's other answers to an identifier that exists already. A {@code .xml} file (Magnolia's XML export, JCR system
 * view with embedded binaries) goes straight to the same importer ({@link SystemViewImport}). The parent node must exist, as
 * on Magnolia: nothing guesses the type of missing ancestors. Only the workspace root is created if
 * missing, so a content type's workspace can receive content before its definitions load.
 */
public final class MagnoliaYamlImporter {

    private final ContentRepository repository;
    private final ImportMode mode;

    public MagnoliaYamlImporter(ContentRepository repository) {
        this(repository, ImportMode.FAIL);
    }

    /** {@code mode}: what to do with a node whose identifier already exists (Magnolia's import choices). */
    public MagnoliaYamlImporter(ContentRepository repository, ImportMode mode) {
        this.repository = repository;
        this.mode = mode;
    }

    /** Reads and imports one file, saved on success; returns the workspace paths of its top-level nodes. */
    public List<String> importFile(Path file) {
        return importContent(file.getFileName().toString(), read(file));
    }

    /** Imports YAML (or, for a {@code .xml} name, system-view XML) text as if read from a file of that name; saved on success. */
    public List<String> importContent(String fileName, String yaml) {
        if (ContentFileName.isXml(fileName)) {
            try {
                return repository.write(session -> SystemViewImport.importInto(session, repository.workspaces(),
                        fileName, yaml, mode));
            } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                throw new ContentImportException(fileName + ": " + rootMessage(e), e);
            }
        }
        MagnoliaYamlFile file = MagnoliaYamlFile.parse(fileName, yaml);
        try {
            return repository.write(session -> importInto(session, file));
        } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
            throw new ContentImportException(fileName + ": " + rootMessage(e), e);
        }
    }

    /** Imports a parsed file into a session without saving it; the caller saves or discards. */
    public List<String> importInto(Session session, MagnoliaYamlFile file) throws RepositoryException {
        String fileName = file.name().toString();
        String parent = existingParent(session, repository.workspaces(), fileName, file.workspace(), file.parentPath());
        for (Map.Entry<String, Object> node : file.nodes().entrySet()) {
            checkNodeTypes(session, fileName, node.getKey(), asNode(node.getValue()), file.parentPath());
        }
        for (Map.Entry<String, Object> node : file.nodes().entrySet()) {
            importNode(session, fileName, parent, node.getKey(), asNode(node.getValue()), mode);
        }
        return file.nodePaths();
    }

    /**
     * The JCR path of the node a file's nodes go under, creating the workspace's root if missing; the parent itself
     * must exist (nothing guesses the type of missing ancestors).
     */
    static String existingParent(Session session, Workspaces workspaces, String fileName, String workspace,
                                 String parentPath) throws RepositoryException {
        try {
            workspaces.ensureRoots(session, List.of(workspace));
        } catch (IllegalArgumentException e) {
            throw new ContentImportException(fileName + ": " + e.getMessage());
        }
        String parent = workspaces.toJcrPath(workspace, parentPath);
        if (!session.nodeExists(parent)) {
            throw new ContentImportException(fileName + ": parent node '" + parentPath + "' of workspace '"
                    + workspace + "' does not exist; import its own file first");
        }
        return parent;
    }

    private static void importNode(Session session, String fileName, String parent, String name,
                                   Map<String, Object> node, ImportMode mode) throws RepositoryException {
        requireFreeName(session, fileName, parent, name, node.get("jcr:uuid"), mode);
        ContentHandler handler = session.getImportContentHandler(parent, mode.uuidBehavior());
        try {
            new SystemViewEmitter(handler).emitDocument(name, node, "/" + name);
        } catch (SAXException e) {
            throw new ContentImportException(fileName + ": node '" + name + "' cannot be imported: " + rootMessage(e), e);
        } catch (RuntimeException e) {
            if (e instanceof ContentImportException) {
                throw new ContentImportException(fileName + ": " + e.getMessage(), e);
            }
            throw new ContentImportException(fileName + ": node '" + name + "' cannot be imported: " + rootMessage(e), e);
        }
    }

    /**
     * Refuses a node whose name is taken under the parent, unless the mode removes or replaces the existing node and it
     * is the same one (same identifier): then the import takes its place.
     */
    static void requireFreeName(Session session, String fileName, String parent, String name, Object uuid,
                                ImportMode mode) throws RepositoryException {
        String path = (parent.endsWith("/") ? parent : parent + "/") + name;
        if (!session.nodeExists(path)) {
            return;
        }
        boolean same = uuid != null && session.getNode(path).getIdentifier().equals(String.valueOf(uuid));
        if (!same || mode == ImportMode.FAIL || mode == ImportMode.CREATE_NEW) {
            throw new ContentImportException(fileName + ": node '" + name + "' already exists under '" + parent + "'");
        }
    }

    /** Checks types before importing, so the message can name the node rather than a system-view element. */
    @SuppressWarnings("unchecked")
    private static void checkNodeTypes(Session session, String fileName, String name, Map<String, Object> node,
                                       String parentPath) throws RepositoryException {
        String path = (parentPath.endsWith("/") ? parentPath : parentPath + "/") + name;
        NodeTypeManager types = session.getWorkspace().getNodeTypeManager();
        try {
            String primary = SystemViewEmitter.primaryType(node, path);
            checkType(types, fileName, path, primary, false);
            if (node.containsKey("jcr:mixinTypes")) {
                for (String mixin : SystemViewEmitter.names(node.get("jcr:mixinTypes"), path)) {
                    checkType(types, fileName, path, mixin, true);
                }
            }
        } catch (ContentImportException e) {
            throw e.getMessage().startsWith(fileName) ? e : new ContentImportException(fileName + ": " + e.getMessage());
        }
        for (Map.Entry<String, Object> child : node.entrySet()) {
            if (child.getValue() instanceof Map) {
                checkNodeTypes(session, fileName, child.getKey(), (Map<String, Object>) child.getValue(), path);
            }
        }
    }

    private static void checkType(NodeTypeManager types, String fileName, String path, String type, boolean mixin)
            throws RepositoryException {
        boolean known;
        try {
            known = types.hasNodeType(type);
        } catch (RepositoryException e) {
            known = false; // an unknown namespace prefix
        }
        if (!known) {
            throw new ContentImportException(fileName + ": node '" + path + "' has unknown " + (mixin ? "mixin" : "node")
                    + " type '" + type + "'");
        }
        if (types.getNodeType(type).isMixin() != mixin) {
            throw new ContentImportException(fileName + ": node '" + path + "': '" + type + "' is "
                    + (mixin ? "not a mixin" : "a mixin, not a primary type"));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asNode(Object value) {
        return (Map<String, Object>) value;
    }

    private static String read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ContentImportException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new ContentImportException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return message.replaceAll("^Oak\\w+\\d+: ", "");
    }
}
