package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedExceptionAction;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.jcr.Repository;
import javax.jcr.Session;
import javax.jcr.observation.Event;
import javax.jcr.observation.EventListener;
import javax.security.auth.Subject;
import org.apache.jackrabbit.api.JackrabbitRepository;
import org.apache.jackrabbit.api.observation.JackrabbitEventFilter;
import org.apache.jackrabbit.api.observation.JackrabbitObservationManager;
import org.apache.jackrabbit.commons.cnd.CndImporter;
import org.apache.jackrabbit.oak.Oak;
import org.apache.jackrabbit.oak.jcr.Jcr;
import org.apache.jackrabbit.oak.security.internal.SecurityProviderBuilder;
import org.apache.jackrabbit.oak.spi.commit.Observable;
import org.apache.jackrabbit.oak.spi.security.ConfigurationParameters;
import org.apache.jackrabbit.oak.spi.security.SecurityProvider;
import org.apache.jackrabbit.oak.spi.security.authentication.SystemSubject;
import org.apache.jackrabbit.oak.spi.security.user.UserConfiguration;
import org.apache.jackrabbit.oak.spi.security.user.UserConstants;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's JCR repository: Oak over a {@link StoreBackend}, with Magnolia's node types registered
 * and Magnolia's workspaces mapped to top-level subtrees (Oak has a single workspace).
 *
 * <p>Reads use one long-lived session per thread, refreshed on each use: logging in costs far more than
 * reading (about 1.6 ms against 0.08 ms), and Jetty's worker threads are pooled. Writes get a fresh
 * session that is saved and closed.
 */
@PluginApi
public final class ContentRepository implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContentRepository.class);
    private static final String NODE_TYPES = "magnolia-nodetypes.cnd";
    /** Internal trees: configuration and leases, users, versions, indexes, access control. */
    private static final Set<String> UNANNOUNCED_BY_DEFAULT = Set.of("config", "home", "jcr:system", "oak:index",
            "rep:security");

    private final StoreBackend backend;
    private final Repository repository;
    private final Workspaces workspaces;
    private final ThreadLocal<Session> readSessions = new ThreadLocal<>();
    private final Set<Session> openReadSessions = ConcurrentHashMap.newKeySet();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final Set<String> unannounced = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> treeChanges = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder commits = new java.util.concurrent.atomic.LongAdder();
    private volatile Session observationSession;
    private boolean localCommitsAnnounced;
    private final AccountSubjects accountSubjects =
            new AccountSubjects();

    private ContentRepository(StoreBackend backend) {
        this.backend = backend;
        // No default admin password: accounts come from configuration (see the back-office module).
        ConfigurationParameters userParams = ConfigurationParameters.of(
                ConfigurationParameters.of(UserConstants.PARAM_OMIT_ADMIN_PW, true),
                PasswordHashing.parameters());
        SecurityProvider security = SecurityProviderBuilder.newBuilder()
                .with(ConfigurationParameters.of(UserConfiguration.NAME, userParams))
                .build();
        this.repository = new Jcr(new Oak(backend.nodeStore())).with(security).createRepository();
        this.workspaces = new Workspaces();
        unannounced.addAll(UNANNOUNCED_BY_DEFAULT);
        if (backend.nodeStore() instanceof Observable observable) {
            // Called inside each commit, before save() returns: listeners hear of a write at once.
            observable.addObserver(new TopLevelChanges(this::topLevelsChanged));
            observable.addObserver((root, info) -> {
                if (info != null && !info.isExternal()) { // null: the call on registration; external: another node's
                    commits.increment();
                }
            });
            localCommitsAnnounced = true;
        }
        write(session -> {
            registerNodeTypes(session);
            workspaces.ensureRoots(session, Workspaces.BUILT_IN);
            return null;
        });
        NodesByIdentifier.open(repository);
        LOG.info("Repository open: {}", backend.describe());
    }

    public static ContentRepository open(StoreBackend backend) {
        try {
            return new ContentRepository(backend);
        } catch (RuntimeException e) {
            backend.close();
            throw e;
        }
    }

    public Repository jcr() {
        return repository;
    }

    public Workspaces workspaces() {
        return workspaces;
    }

    public StoreBackend backend() {
        return backend;
    }

    /** Returns once every commit made so far is on disk; {@link #write} does it for its own commit. */
    public void awaitDurable() {
        backend.awaitDurable();
    }

    /** A new session with full rights; the caller must log it out. */
    public Session loginSystem() {
        try {
            return Subject.doAsPrivileged(SystemSubject.INSTANCE,
                    (PrivilegedExceptionAction<Session>) () -> repository.login(null, null), null);
        } catch (java.security.PrivilegedActionException e) {
            throw new RepositoryException("System login failed", e.getException());
        }
    }

    /** Runs read-only work on this thread's session, refreshed to the latest saved state first. */
    public <T> T read(SessionWork<T> work) {
        Session session = readSessions.get();
        try {
            if (session == null || !session.isLive()) {
                session = loginSystem();
                readSessions.set(session);
                openReadSessions.add(session);
            } else {
                session.refresh(false);
            }
            return work.run(session);
        } catch (javax.jcr.RepositoryException e) {
            throw new RepositoryException("Reading the repository failed: " + e.getMessage(), e);
        } finally {
            discardPendingChanges(session);
        }
    }

    /**
     * Runs work on a fresh session and saves it; nothing is saved if the work throws, so a failed
     * request leaves the repository unchanged.
     */
    public <T> T write(SessionWork<T> work) {
        Session session = loginSystem();
        try {
            T result = work.run(session);
            boolean changed = session.hasPendingChanges();
            session.save(); // the change listeners have heard of it by now, within the commit (TopLevelChanges)
            if (changed) {
                backend.awaitDurable(); // acknowledged writes survive a crash
            }
            return result;
        } catch (javax.jcr.RepositoryException e) {
            throw new RepositoryException("Writing to the repository failed: " + e.getMessage(), e);
        } finally {
            session.logout();
        }
    }

    /**
     * Like {@link #read}, on a session of the user {@code login} (a back-office account) and its groups, so
     * that Oak's access control decides: what the account may not read is absent ({@link javax.jcr.PathNotFoundException}, see
     * {@link RepositoryException#isAccessDenied()}). Each call logs in (about 1.6 ms); principals are cached.
     */
    public <T> T readAs(String login, SessionWork<T> work) {
        Session session = loginAs(login);
        try {
            return work.run(session);
        } catch (javax.jcr.RepositoryException e) {
            throw new RepositoryException("Reading the repository as " + login + " failed: "
                    + e.getMessage(), e);
        } finally {
            session.logout();
        }
    }

    /**
     * Like {@link #write}, on a session of the account's user and groups: Oak refuses (at the change or at
     * save, {@link javax.jcr.AccessDeniedException}) what the account may not write; nothing is saved then.
     */
    public <T> T writeAs(String login, SessionWork<T> work) {
        Session session = loginAs(login);
        try {
            T result = work.run(session);
            boolean changed = session.hasPendingChanges();
            session.save();
            if (changed) {
                backend.awaitDurable();
            }
            return result;
        } catch (javax.jcr.RepositoryException e) {
            throw new RepositoryException("Writing to the repository as " + login + " failed: "
                    + e.getMessage(), e);
        } finally {
            session.logout();
        }
    }

    /**
     * The groups of {@code login} changed: its next {@link #readAs}/{@link #writeAs} on this node reads them
     * afresh instead of the principals cached for a few seconds (other nodes see the change when that cache expires).
     */
    public void groupsChanged(String login) {
        accountSubjects.forget(login);
    }

    private Session loginAs(String login) {
        Subject subject = accountSubjects.subject(login, this::read);
        try {
            return Subject.doAsPrivileged(subject,
                    (PrivilegedExceptionAction<Session>) () -> repository.login(null, null), null);
        } catch (java.security.PrivilegedActionException e) {
            throw new RepositoryException("Login as " + login + " failed: "
                    + e.getException().getMessage(), e.getException());
        }
    }

    /**
     * Calls {@code listener} after every change to the repository outside the trees excluded with
     * {@link #excludeFromChangeNotifications}: within the commit for this process's commits (so a read
     * right after a {@link #write} never sees a stale cache), and through JCR observation (asynchronously,
     * a moment later) for any other commit, including those of other cluster nodes. For caches of what the
     * public sees; the listener must be quick and must not throw.
     */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
        observeOtherNodes();
    }

    /** Registers, once, the JCR observation that reports other cluster nodes' commits. */
    private synchronized void observeOtherNodes() {
        if (observationSession == null) {
            observationSession = loginSystem();
            try {
                EventListener onEvents = events -> {
                    Set<String> changed = new java.util.HashSet<>();
                    while (events.hasNext()) {
                        try {
                            changed.add(topLevelName(events.nextEvent().getPath()));
                        } catch (javax.jcr.RepositoryException e) {
                            changed.add(""); // unknown: announced
                        }
                    }
                    topLevelsChanged(changed);
                };
                // This process's commits are announced within the commit (TopLevelChanges): only other
                // cluster nodes' commits need observation, not a second pass over ours.
                JackrabbitEventFilter filter = announcedChangesFilter().setNoInternal(localCommitsAnnounced);
                ((JackrabbitObservationManager) observationSession.getWorkspace().getObservationManager())
                        .addEventListener(onEvents, filter);
            } catch (javax.jcr.RepositoryException e) {
                throw new RepositoryException("Cannot observe the repository: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Stops announcing changes made only under the top-level node {@code name} (a private workspace such
     * as registrations or a queue) to the change listeners: a burst of bookings would otherwise empty the
     * public caches and move every page's {@code Last-Modified} many times a second. Internal trees
     * (configuration and cluster leases, users, versions, indexes) are excluded from the start.
     */
    public void excludeFromChangeNotifications(String name) {
        unannounced.add(name);
    }

    /**
     * A JCR observation filter for every change outside the trees excluded from change notifications so
     * far: Oak then generates no event at all for them, where a listener filtering by path would still be
     * handed, say, every node a burst of bookings wrote.
     */
    public JackrabbitEventFilter announcedChangesFilter() {
        int all = Event.NODE_ADDED | Event.NODE_REMOVED | Event.NODE_MOVED | Event.PROPERTY_ADDED
                | Event.PROPERTY_CHANGED | Event.PROPERTY_REMOVED;
        return new JackrabbitEventFilter().setEventTypes(all).setAbsPath("/").setIsDeep(true)
                .setExcludedPaths(unannounced.stream().map(name -> "/" + name).sorted().toArray(String[]::new));
    }

    /**
     * How many commits have changed the top-level node {@code name} (e.g. a workspace such as
     * {@code editions}) since this repository opened: this process's commits count before {@link #write}
     * returns, other cluster nodes' within the observation delay, and only for trees whose changes are
     * announced. A cache of what lives in one tree compares it with the count it read with, instead of
     * being emptied by every write elsewhere (a registration changes {@code registrations}, not {@code editions}).
     */
    public long changeCount(String name) {
        if (observationSession == null) {
            observeOtherNodes();
        }
        AtomicLong count = treeChanges.get(name);
        return count == null ? 0 : count.get();
    }

    /** The store's checkpoints, and the changes since one outside the trees excluded from change notifications. */
    public Checkpoints checkpoints() {
        return new Checkpoints(backend.nodeStore(), unannounced::contains);
    }

    /** How many commits this node has made to the store since the repository opened (for metrics). */
    public long commitCount() {
        return commits.sum();
    }

    private static String topLevelName(String path) {
        int end = path.indexOf('/', 1);
        return end < 0 ? path.substring(1) : path.substring(1, end);
    }

    private void topLevelsChanged(Set<String> names) {
        boolean announced = false;
        for (String name : names) {
            treeChanges.computeIfAbsent(name, any -> new AtomicLong()).incrementAndGet();
            announced |= name.isEmpty() || !unannounced.contains(name);
        }
        if (announced) {
            notifyChange();
        }
    }

    private void notifyChange() {
        for (Runnable listener : changeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A repository change listener failed", e);
            }
        }
    }

    private static void discardPendingChanges(Session session) {
        try {
            if (session != null && session.isLive() && session.hasPendingChanges()) {
                session.refresh(false); // read work must not leave changes behind for the next request
            }
        } catch (javax.jcr.RepositoryException ignored) {
            // the next read refreshes again
        }
    }

    private static void registerNodeTypes(Session session) throws javax.jcr.RepositoryException {
        try (InputStream in = ContentRepository.class.getResourceAsStream(NODE_TYPES)) {
            if (in == null) {
                throw new IllegalStateException(NODE_TYPES + " is missing from the platform jar");
            }
            CndImporter.registerNodeTypes(new InputStreamReader(in, StandardCharsets.UTF_8), session, true);
        } catch (java.io.IOException | org.apache.jackrabbit.commons.cnd.ParseException e) {
            throw new IllegalStateException("Cannot register Magnolia node types: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (observationSession != null && observationSession.isLive()) {
                observationSession.logout();
            }
        }
        for (Session session : openReadSessions) {
            if (session.isLive()) {
                session.logout();
            }
        }
        openReadSessions.clear();
        NodesByIdentifier.close(repository);
        try {
            if (repository instanceof JackrabbitRepository jackrabbit) {
                jackrabbit.shutdown();
            }
        } finally {
            backend.close();
        }
        LOG.info("Repository closed");
    }
}
