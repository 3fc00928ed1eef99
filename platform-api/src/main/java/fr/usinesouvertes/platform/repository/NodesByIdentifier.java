package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import javax.jcr.ItemNotFoundException;
import javax.jcr.Node;
import javax.jcr.PathNotFoundException;
import javax.jcr.Repository;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Finds nodes by identifier through the path each identifier was last found at, instead of Oak's
 * {@link Session#getNodeByIdentifier} for every lookup.
 *
 * <p>Why: Oak resolves an identifier with a query on its {@code jcr:uuid} index, about 30–80 µs on a clean
 * session, and several milliseconds on a session holding unsaved changes (the query then runs over the
 * modified tree): a booking commit that looked its slot up that way spent most of its time there. A
 * path lookup costs a few microseconds.
 *
 * <p>Each {@link ContentRepository} owns one memory of paths (a Caffeine cache bounded in entries, which
 * evicts the least useful paths one by one rather than forgetting all of them at once), made when it opens and
 * dropped when it closes, so that two repositories in one JVM (tests start several platforms) never share
 * one. The static methods take the memory of the session's repository; a session of a repository that is no
 * {@code ContentRepository} simply gets Oak's lookup.
 *
 * <p>Correct whatever the memory holds: a hit is used only when the node found at the remembered path
 * still carries the identifier asked for (identifiers are unique), so a moved, deleted or replaced node, or a
 * path this session may not read falls back to Oak's lookup, whose answer and exceptions are those of
 * {@link Session#getNodeByIdentifier}.
 */
@PluginApi
public final class NodesByIdentifier {

    static final int MAX_ENTRIES = 50_000; // about 220 bytes each: some 11 MB at most
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /**
     * The memory of each open repository, by the JCR repository its sessions answer {@link Session#getRepository}
     * with. A registry rather than a cache: it holds no path itself, and a repository's entry leaves when it closes.
     */
    private static final Map<Repository, NodesByIdentifier> OPEN = new ConcurrentHashMap<>();

    private final Cache<String, String> paths = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).build();

    private NodesByIdentifier() {
    }

    /** Gives {@code repository}'s sessions a memory of their own, until {@link #close}. */
    static void open(Repository repository) {
        OPEN.put(repository, new NodesByIdentifier());
    }

    /** Drops {@code repository}'s memory (it is closing). */
    static void close(Repository repository) {
        OPEN.remove(repository);
    }

    /**
     * Whether {@code text} has the form of a referenceable node's identifier in Oak, a lowercase UUID:
     * anything else names no such node, and is refused before asking the repository.
     */
    public static boolean isIdentifier(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    /**
     * Remembers where a node of {@code session}'s repository is, typically one just created (which {@link #find}
     * does not remember, as its session may never save it): harmless if it is not saved or moves, since every hit
     * is verified.
     */
    public static void remember(Session session, String identifier, String path) {
        NodesByIdentifier memory = of(session);
        if (memory != null && isIdentifier(identifier)) {
            memory.paths.put(identifier, path);
        }
    }

    /**
     * The node with this identifier, or empty when this session has none (as {@link #find} would throw
     * {@link ItemNotFoundException}, or {@link IllegalArgumentException}): for references that may dangle or be
     * malformed.
     */
    public static Optional<Node> findIfExists(Session session, String identifier) throws RepositoryException {
        try {
            return Optional.of(find(session, identifier));
        } catch (ItemNotFoundException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The node with this identifier, as {@link Session#getNodeByIdentifier} would answer.
     *
     * @throws ItemNotFoundException when this session has no node with this identifier, malformed identifiers
     *                               included (such as an empty reference)
     */
    public static Node find(Session session, String identifier) throws RepositoryException {
        NodesByIdentifier memory = of(session);
        String path = memory == null || identifier == null ? null : memory.paths.getIfPresent(identifier);
        if (path != null) {
            try {
                Node node = session.getNode(path);
                if (identifier.equals(node.getIdentifier())) {
                    return node;
                }
            } catch (PathNotFoundException moved) {
                // fall back to Oak's lookup below
            }
            memory.paths.asMap().remove(identifier, path);
        }
        Node node;
        try {
            node = session.getNodeByIdentifier(identifier);
        } catch (RepositoryException e) {
            if (e.getCause() instanceof IllegalArgumentException malformed) {
                // Oak wraps its "Not a valid identifier" in a RepositoryException: no node has that identifier
                throw new ItemNotFoundException(malformed.getMessage(), e);
            }
            throw e;
        }
        if (memory != null && !node.isNew()) { // unsaved nodes may never exist for others
            memory.paths.put(identifier, node.getPath());
        }
        return node;
    }

    /** How many paths {@code session}'s repository remembers (tests). */
    static long rememberedCount(Session session) {
        NodesByIdentifier memory = of(session);
        if (memory == null) {
            return 0;
        }
        memory.paths.cleanUp();
        return memory.paths.estimatedSize();
    }

    private static NodesByIdentifier of(Session session) {
        return OPEN.get(session.getRepository());
    }
}
