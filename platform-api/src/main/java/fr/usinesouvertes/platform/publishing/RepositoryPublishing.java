package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.publishing.LivePublisher.Stamp;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.regex.Pattern;
import javax.jcr.Node;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's {@link Publishing}, on its repository and clock; every call is one commit. Also keeps the
 * live tree in step with the publishable workspaces and runs the scheduled actions as a cluster job.
 */
public final class RepositoryPublishing implements Publishing {

    /** The cluster job running due scheduled actions. */
    public static final String JOB = "publishing-schedule";
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryPublishing.class);
    private static final Pattern SEGMENT = Pattern.compile("[^/\\[\\]|*\\\\\\t\\r\\n]+");

    private final ContentRepository repository;
    private final Clock clock;
    private final VersionStore versions = new VersionStore();
    private final LivePublisher publisher = new LivePublisher(versions);
    private final PublicationSchedule schedule = new PublicationSchedule();
    private volatile Set<String> publishable = PublishableWorkspaces.BUILT_IN;
    private final ReviewRequests reviews;

    private final List<PublicationListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public RepositoryPublishing(ContentRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.reviews = new ReviewRequests(repository, clock, this);
    }

    /** Review before publishing, on the same repository and clock. */
    public ReviewRequests reviews() {
        return reviews;
    }

    /** Publishes a draft (not its sub-pages) inside the caller's commit: an approved review request. */
    void publishInSession(Session session, String jcrPath, Stamp stamp) throws RepositoryException {
        publisher.publish(session, jcrPath, false, stamp);
        tell(session, PublicationListener.Kind.PUBLISHED, jcrPath, stamp);
    }

    /** Adds a listener told of every publication and unpublication inside its commit. */
    public void addListener(PublicationListener listener) {
        listeners.add(listener);
    }

    private void tell(Session session, PublicationListener.Kind kind, String jcrPath, Stamp stamp)
            throws RepositoryException {
        if (listeners.isEmpty() || !session.nodeExists(jcrPath)) {
            return;
        }
        javax.jcr.Node node = session.getNode(jcrPath);
        PublicationListener.Event event = new PublicationListener.Event(kind, repository.workspaces().workspaceOf(jcrPath),
                repository.workspaces().toWorkspacePath(jcrPath), node.getIdentifier(),
                node.getPrimaryNodeType().getName(), stamp.by(), clock.instant());
        for (PublicationListener listener : listeners) {
            listener.onPublication(session, event);
        }
    }

    /**
     * Schedules the publication of a draft (not its sub-pages) as it is now, inside the caller's commit: what a
     * reviewer approved, so that edits made before the time stay unpublished.
     */
    ScheduledAction scheduleApprovedInSession(Session session, String workspace, String path, Node draft, Instant at,
                                              String by) throws RepositoryException {
        return schedule.addApproved(session, workspace, path, draft, at, by);
    }

    /** The stored versions of a draft node. */
    List<ContentVersion> versionsOf(Node draft) throws RepositoryException {
        return versions.list(draft);
    }

    /**
     * Sets the publishable workspaces and creates their live roots. The first time (a repository from before
     * publishing, or a new one), everything already in them is published, so the public keeps seeing it.
     */
    public void useWorkspaces(Set<String> workspaces) {
        publishable = Set.copyOf(workspaces);
        repository.write(session -> {
            boolean first = !PublishingTree.exists(session);
            PublishingTree.ensure(session, publishable);
            if (first) {
                Stamp stamp = stamp("system", "Initial publication");
                int units = 0;
                for (String workspace : publishable) {
                    units += publisher.publish(session, "/" + workspace, true, stamp);
                }
                LOG.info("Published the existing content of {}: {} nodes (first start with publishing)",
                        publishable, units);
            }
            return null;
        });
    }

    /** Runs {@link #runDueActions()} every {@code interval} on the one node holding the job's lease. */
    public void scheduleJob(ClusterJobs jobs, Duration interval) {
        jobs.runOnce(JOB, interval, () -> {
            try {
                runDueActions();
            } catch (RuntimeException e) {
                LOG.error("Scheduled publishing failed", e);
            }
        });
    }

    /** Publishes freshly imported bootstrap nodes in the import's own session (bootstrap content is public). */
    public void publishImported(Session session, String workspace, List<String> paths) throws RepositoryException {
        if (!isPublishable(workspace)) {
            return;
        }
        Stamp stamp = stamp("system", "Bootstrap");
        for (String path : paths) {
            String jcrPath = repository.workspaces().toJcrPath(workspace, path);
            try {
                if (session.nodeExists(jcrPath)) {
                    publisher.publish(session, jcrPath, true, stamp);
                }
            } catch (PublishingException e) {
                LOG.warn("Bootstrap node {}:{} imported but not published: {}", workspace, path, e.getMessage());
            }
        }
    }

    @Override
    public Set<String> publishableWorkspaces() {
        return publishable;
    }

    @Override
    public boolean isPublishable(String workspace) {
        return publishable.contains(workspace);
    }

    @Override
    public void publish(String by, String workspace, String path, boolean withSubPages) {
        publish(by, workspace, path, withSubPages, null);
    }

    @Override
    public void publish(String by, String workspace, String path, boolean withSubPages, String comment) {
        String jcrPath = draftPath(workspace, path);
        long started = System.nanoTime();
        int units = writeRetrying(session -> {
            Stamp stamp = stamp(by, comment);
            int published = publisher.publish(session, jcrPath, withSubPages, stamp);
            tell(session, PublicationListener.Kind.PUBLISHED, jcrPath, stamp);
            return published;
        });
        LOG.info("{} published {}:{}{} ({} nodes with their parts) in {} ms", by, workspace, path,
                withSubPages ? " with sub-pages" : "", units, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void unpublish(String by, String workspace, String path) {
        String jcrPath = draftPath(workspace, path);
        requireNode(jcrPath);
        writeRetrying(session -> {
            Stamp stamp = stamp(by, null);
            tell(session, PublicationListener.Kind.UNPUBLISHED, jcrPath, stamp);
            publisher.unpublish(session, jcrPath, stamp);
            return null;
        });
    }

    @Override
    public void delete(String by, String workspace, String path) {
        String jcrPath = draftPath(workspace, path);
        requireNode(jcrPath);
        repository.write(session -> {
            publisher.delete(session, jcrPath, stamp(by, null));
            return null;
        });
    }

    @Override
    public PublicationStatus status(String workspace, String path) {
        String jcrPath = draftPath(workspace, path);
        String workspacePath = repository.workspaces().toWorkspacePath(jcrPath);
        return repository.read(session -> {
            boolean scheduled = schedule.all(session).stream()
                    .anyMatch(a -> a.workspace().equals(workspace) && a.path().equals(workspacePath));
            PublicationStatus status = LivePublisher.status(session, jcrPath);
            return scheduled ? PublicationStatus.SCHEDULED : status;
        });
    }

    @Override
    public int unpublishedBelow(String workspace, String path) {
        String jcrPath = draftPath(workspace, path);
        return repository.read(session -> session.nodeExists(jcrPath)
                ? LivePublisher.unpublishedBelow(session.getNode(jcrPath)) : 0);
    }

    @Override
    public ScheduledAction schedule(String by, String workspace, String path, Action action, Instant at,
                                    boolean withSubPages) {
        if (action == null || at == null) {
            throw PublishingException.invalid(action == null ? "actionMissing" : "timeMissing",
                    (action == null ? "action" : "at") + " is required");
        }
        String jcrPath = draftPath(workspace, path);
        requireNode(jcrPath);
        String workspacePath = repository.workspaces().toWorkspacePath(jcrPath);
        return repository.write(session ->
                schedule.add(session, workspace, workspacePath, action, at, withSubPages, by));
    }

    @Override
    public boolean cancelSchedule(String by, String id) {
        return repository.write(session -> schedule.remove(session, id));
    }

    @Override
    public List<ScheduledAction> scheduled() {
        return repository.read(schedule::all);
    }

    @Override
    public List<ScheduledAction> scheduled(String workspace, String path) {
        String workspacePath = repository.workspaces().toWorkspacePath(draftPath(workspace, path));
        return scheduled().stream()
                .filter(a -> a.workspace().equals(workspace) && a.path().equals(workspacePath)).toList();
    }

    @Override
    public int runDueActions() {
        Instant now = clock.instant();
        int ran = 0;
        for (ScheduledAction action : scheduled()) {
            if (action.at().isAfter(now)) {
                break;
            }
            if (runOnce(action)) {
                ran++;
            }
        }
        return ran;
    }

    @Override
    public int applyScheduledUntil(Session session, Instant until) {
        int applied = 0;
        for (ScheduledAction action : scheduled()) {
            if (action.at().isAfter(until)) {
                break;
            }
            try {
                apply(session, action, false);
                applied++;
            } catch (PublishingException | RepositoryException e) {
                LOG.debug("Scheduled {} of {}:{} left out of the preview: {}", action.action(), action.workspace(),
                        action.path(), e.getMessage());
            }
        }
        return applied;
    }

    /** The action and the removal of its entry in one commit; a failing action only removes its entry. */
    private boolean runOnce(ScheduledAction action) {
        try {
            return repository.write(session -> {
                if (!schedule.exists(session, action.id())) {
                    return false; // cancelled, or run by another node meanwhile
                }
                apply(session, action, true);
                schedule.remove(session, action.id());
                LOG.info("Scheduled {} of {}:{} done", action.action(), action.workspace(), action.path());
                return true;
            });
        } catch (PublishingException e) {
            LOG.warn("Scheduled {} of {}:{} dropped: {}", action.action(), action.workspace(), action.path(),
                    e.getMessage());
            repository.write(session -> schedule.remove(session, action.id()));
            return false;
        }
    }

    /**
     * Carries out a scheduled action in the caller's session, telling the listeners when {@code tell}. A publication
     * approved in review publishes the draft as it was approved: when it changed since, the approved content is put
     * in the draft for the publication and the later edits back afterwards, in the same commit, so they stay a
     * draft (modified) for their own review.
     */
    private void apply(Session session, ScheduledAction action, boolean tell) throws RepositoryException {
        String jcrPath = repository.workspaces().toJcrPath(action.workspace(), action.path());
        Stamp stamp = stamp(action.by(), "Scheduled " + action.action().name().toLowerCase());
        if (action.action() != Action.PUBLISH) {
            if (tell) {
                tell(session, PublicationListener.Kind.UNPUBLISHED, jcrPath, stamp);
            }
            publisher.unpublish(session, jcrPath, stamp);
            return;
        }
        Node draft = session.nodeExists(jcrPath) ? session.getNode(jcrPath) : null;
        Optional<Node> approved = draft == null ? Optional.empty()
                : schedule.approvedInsteadOf(session, action.id(), draft);
        if (approved.isEmpty()) {
            publisher.publish(session, jcrPath, action.withSubPages(), stamp);
        } else {
            if (draft.isNodeType(LivePublisher.DELETED)) {
                throw PublishingException.conflict("deletedSinceApproval",
                        "The approved content was deleted since its approval", jcrPath);
            }
            Node later = approved.get().getParent().addNode("later", draft.getPrimaryNodeType().getName());
            NodeCopier.copyContent(draft, later);
            NodeCopier.copyContent(approved.get(), draft);
            publisher.publish(session, jcrPath, false, stamp);
            NodeCopier.copyContent(later, draft);
            later.remove();
            LOG.info("Scheduled publication of {}:{}: published as approved; the edits made since stay in the draft",
                    action.workspace(), action.path());
        }
        if (tell) {
            tell(session, PublicationListener.Kind.PUBLISHED, jcrPath, stamp);
        }
    }

    @Override
    public List<ContentVersion> versions(String workspace, String path) {
        String jcrPath = draftPath(workspace, path);
        return repository.read(session -> versions.list(draft(session, jcrPath)));
    }

    @Override
    public List<VersionDifference> compare(String workspace, String path, int a, int b) {
        String jcrPath = draftPath(workspace, path);
        return repository.read(session -> {
            Node draft = draft(session, jcrPath);
            return VersionComparison.compare(versions.content(draft, a), versions.content(draft, b));
        });
    }

    @Override
    public void restore(String by, String workspace, String path, int version) {
        String jcrPath = draftPath(workspace, path);
        repository.write(session -> {
            versions.restore(draft(session, jcrPath), version, stamp(by, null));
            return null;
        });
    }

    /**
     * A write retried (up to 3 times) when a concurrent commit touched the same nodes (Oak answers
     * {@link javax.jcr.InvalidItemStateException}): two editors, or an editor and the scheduling job.
     */
    private <T> T writeRetrying(fr.usinesouvertes.platform.repository.SessionWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return repository.write(work);
            } catch (fr.usinesouvertes.platform.repository.RepositoryException e) {
                if (attempt >= 3 || !(e.getCause() instanceof javax.jcr.InvalidItemStateException)) {
                    throw e;
                }
                LOG.info("Publishing commit conflicted with another one; retrying ({})", attempt);
            }
        }
    }

    private static Node draft(Session session, String jcrPath) throws RepositoryException {
        if (!session.nodeExists(jcrPath)) {
            throw PublishingException.missing("nodeNotFound", "No node at " + jcrPath);
        }
        return session.getNode(jcrPath);
    }

    private void requireNode(String jcrPath) {
        boolean exists = repository.read(session -> session.nodeExists(jcrPath)
                || session.nodeExists(ContentStage.LIVE_ROOT + jcrPath));
        if (!exists) {
            throw PublishingException.missing("nodeNotFound", "No node at " + jcrPath);
        }
    }

    /** The draft's JCR path; 400 for a workspace not under publishing or a malformed path. */
    String draftPath(String workspace, String path) {
        if (workspace == null || !publishable.contains(workspace)) {
            throw PublishingException.invalid("workspaceNotPublishable",
                    "workspace '" + workspace + "' is not under publishing; publishable: " + publishable);
        }
        if (path == null || !path.startsWith("/")) {
            throw PublishingException.invalid("invalidPath", "path must start with '/': " + path);
        }
        for (String segment : path.substring(1).split("/")) {
            if (!segment.isEmpty() && (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals(".."))) {
                throw PublishingException.invalid("invalidPath", "path has an invalid segment '" + segment + "'");
            }
        }
        String clean = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return repository.workspaces().toJcrPath(workspace, clean);
    }

    private Stamp stamp(String by, String comment) {
        Calendar now = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        now.setTimeInMillis(clock.millis());
        return new Stamp(by == null || by.isBlank() ? "anonymous" : by, now, comment);
    }
}
