package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.annotation.PluginApi;
import fr.usinesouvertes.platform.publishing.LivePublisher.Stamp;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.security.Account;
import fr.usinesouvertes.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.GregorianCalendar;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.TreeSet;
import java.util.UUID;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Review before publishing: per workspace, whether editors ({@link Role#EDITOR} without {@link Role#PUBLISHER} or
 * {@link Role#ADMIN}) publish directly or submit their drafts for review (the default on every reviewable
 * workspace), and the review requests themselves.
 *
 * <p>The setting is stored at {@value #SETTINGS} (property {@code directPublishing}: the workspaces where editors
 * publish directly), so every cluster node reads the same. A request is stored at
 * {@code /publishing/reviews/<id>} with who, when, the comment, the draft's {@link Fingerprint} and the published
 * version it was based on, and a copy of the draft as submitted ({@code content}); a draft whose fingerprint
 * differs from the request's was edited after submission: the request is <em>outdated</em>, and approving it
 * needs the publisher to have seen the draft as it is now. Approving publishes (or schedules the publication
 * of) the draft and records the decision in the same commit. Every method is one commit; refusals are
 * {@link PublishingException}s.
 */
@PluginApi
public final class ReviewRequests {

    /** Where the setting is stored. */
    public static final String SETTINGS = "/config/publishing/review";
    static final String ROOT = PublishingTree.ROOT + "/reviews";
    private static final String DIRECT = "directPublishing";
    private static final String SNAPSHOT = "content";
    private static final Logger LOG = LoggerFactory.getLogger(ReviewRequests.class);
    /** Workspaces under publishing but not under review: the media library's files are published by editors. */
    private static final Set<String> NOT_REVIEWED = Set.of("dam");

    private final ContentRepository repository;
    private final Clock clock;
    private final RepositoryPublishing publishing;

    ReviewRequests(ContentRepository repository, Clock clock, RepositoryPublishing publishing) {
        this.repository = repository;
        this.clock = clock;
        this.publishing = publishing;
    }

    /** The workspaces whose drafts go through review: the publishable ones but the media library, sorted. */
    public Set<String> reviewableWorkspaces() {
        Set<String> workspaces = new TreeSet<>(publishing.publishableWorkspaces());
        workspaces.removeAll(NOT_REVIEWED);
        return workspaces;
    }

    /** The reviewable workspaces where editors publish directly (the administrators' setting); empty by default. */
    public Set<String> directPublishing() {
        return repository.read(session -> {
            Set<String> direct = new TreeSet<>();
            if (session.nodeExists(SETTINGS) && session.getNode(SETTINGS).hasProperty(DIRECT)) {
                for (javax.jcr.Value value : session.getNode(SETTINGS).getProperty(DIRECT).getValues()) {
                    direct.add(value.getString());
                }
            }
            return direct;
        });
    }

    /**
     * Sets the reviewable workspaces where editors publish directly (in all others they submit for review);
     * {@code workspaceNotReviewable} for any other workspace, nothing changed.
     */
    public void setDirectPublishing(String by, Set<String> workspaces) {
        Set<String> reviewable = reviewableWorkspaces();
        for (String workspace : workspaces) {
            if (!reviewable.contains(workspace)) {
                throw PublishingException.invalid("workspaceNotReviewable", "workspace '" + workspace
                        + "' is not under review; reviewable: " + reviewable);
            }
        }
        repository.write(session -> {
            Node node = session.getNode("/config");
            for (String name : SETTINGS.substring("/config/".length()).split("/")) {
                node = PublishingTree.child(node, name);
            }
            node.setProperty(DIRECT, new TreeSet<>(workspaces).toArray(String[]::new));
            return null;
        });
        LOG.info("Editors publish directly in {} (set by {})", new TreeSet<>(workspaces), by);
    }

    /** Whether editors must submit drafts of {@code workspace} for review. */
    public boolean reviewRequired(String workspace) {
        return reviewableWorkspaces().contains(workspace) && !directPublishing().contains(workspace);
    }

    /** Whether {@code account} must submit for review instead of publishing: an editor who is neither publisher nor administrator. */
    public boolean mustSubmit(Account account, String workspace) {
        return account.has(Role.EDITOR) && !account.has(Role.PUBLISHER) && !account.has(Role.ADMIN)
                && reviewRequired(workspace);
    }

    /**
     * Records a request that the draft be reviewed and published ({@code wishedAt}: when the editor would like it
     * public, or {@code null}). An earlier pending request for the same draft is superseded. {@code commentMissing}
     * without a comment, {@code workspaceNotReviewable}, {@code nodeNotFound}, {@code timeInPast} for a wished time
     * already gone.
     */
    public ReviewRequest submit(String by, String workspace, String path, String comment, Instant wishedAt) {
        if (!reviewableWorkspaces().contains(workspace)) {
            throw PublishingException.invalid("workspaceNotReviewable", "workspace '" + workspace + "' is not under review");
        }
        if (comment == null || comment.isBlank()) {
            throw PublishingException.invalid("commentMissing", "comment is required");
        }
        if (wishedAt != null && !wishedAt.isAfter(clock.instant())) {
            throw PublishingException.invalid("timeInPast", "wishedAt must be in the future");
        }
        String jcrPath = publishing.draftPath(workspace, path);
        String id = UUID.randomUUID().toString();
        repository.write(session -> {
            if (!session.nodeExists(jcrPath)) {
                throw PublishingException.missing("nodeNotFound", "No node at " + jcrPath);
            }
            Node draft = session.getNode(jcrPath);
            Node root = root(session);
            for (ReviewRequest earlier : read(session, root)) {
                if (earlier.pending() && earlier.nodeId().equals(draft.getIdentifier())) {
                    Node node = root.getNode(earlier.id());
                    node.setProperty("state", ReviewRequest.State.SUPERSEDED.name());
                    node.setProperty("decidedBy", by);
                    node.setProperty("decidedAt", now());
                }
            }
            List<ContentVersion> versions = publishing.versionsOf(draft);
            Node request = root.addNode(id, "nt:unstructured");
            request.setProperty("workspace", workspace);
            request.setProperty("path", path);
            request.setProperty("nodeId", draft.getIdentifier());
            request.setProperty("by", by);
            request.setProperty("at", now());
            request.setProperty("comment", comment.trim());
            if (wishedAt != null) {
                request.setProperty("wishedAt", calendar(wishedAt));
            }
            request.setProperty("fingerprint", Fingerprint.of(draft));
            request.setProperty("baseVersion", versions.isEmpty() ? 0 : versions.get(versions.size() - 1).number());
            request.setProperty("state", ReviewRequest.State.PENDING.name());
            NodeCopier.copyContent(draft, request.addNode(SNAPSHOT, draft.getPrimaryNodeType().getName()));
            return null;
        });
        LOG.info("{} submitted {}:{} for review (request {})", by, workspace, path, id);
        return find(id).orElseThrow();
    }

    /** One request; empty for an unknown (or malformed) id. */
    public Optional<ReviewRequest> find(String id) {
        if (!PublicationSchedule.validId(id)) {
            return Optional.empty();
        }
        return repository.read(session -> session.nodeExists(ROOT + "/" + id)
                ? Optional.of(request(session, session.getNode(ROOT + "/" + id))) : Optional.<ReviewRequest>empty());
    }

    /** The pending requests, oldest first. */
    public List<ReviewRequest> pending() {
        return all().stream().filter(ReviewRequest::pending).sorted(Comparator.comparing(ReviewRequest::at)).toList();
    }

    /** The decided requests (superseded ones too), latest decision first. */
    public List<ReviewRequest> decided() {
        return all().stream().filter(r -> !r.pending())
                .sorted(Comparator.comparing(ReviewRequest::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** The pending request of a draft, if any. */
    public Optional<ReviewRequest> pendingFor(String workspace, String path) {
        return pending().stream().filter(r -> r.workspace().equals(workspace) && r.path().equals(path)).findFirst();
    }

    /**
     * Whether {@code account} may see a request: an editor their own; a publisher or an administrator those whose draft
     * they can read, and an administrator also those whose draft is gone. The review queue and the dashboard's count
     * apply it alike.
     */
    public boolean visibleTo(fr.usinesouvertes.platform.security.Account account, ReviewRequest request) {
        boolean reviewer = account.has(fr.usinesouvertes.platform.security.Role.PUBLISHER)
                || account.has(fr.usinesouvertes.platform.security.Role.ADMIN);
        if (!reviewer) {
            return request.by().equals(account.login());
        }
        boolean readable = repository.readAs(account.login(), session -> draft(session, request) != null);
        boolean gone = !readable && repository.read(session -> draft(session, request) == null);
        return readable || gone && account.has(fr.usinesouvertes.platform.security.Role.ADMIN);
    }

    /** The draft's current fingerprint, or {@code null} when the draft no longer exists. */
    public String currentFingerprint(ReviewRequest request) {
        return repository.read(session -> {
            Node draft = draft(session, request);
            return draft == null ? null : Fingerprint.of(draft);
        });
    }

    /** Whether the draft was edited (or deleted) since the request was submitted. */
    public boolean outdated(ReviewRequest request) {
        return !request.fingerprint().equals(currentFingerprint(request));
    }

    /** What the draft changes against what the public sees (everything, when never published). */
    public List<VersionDifference> changes(ReviewRequest request) {
        return repository.read(session -> {
            Node draft = requireDraft(session, request);
            return VersionComparison.fromLive(LivePublisher.liveCopy(draft), draft);
        });
    }

    /** What changed in the draft since it was submitted (empty when the request is not outdated). */
    public List<VersionDifference> changesSinceSubmission(ReviewRequest request) {
        return repository.read(session -> {
            Node draft = requireDraft(session, request);
            Node snapshot = session.getNode(ROOT + "/" + request.id() + "/" + SNAPSHOT);
            return VersionComparison.compare(snapshot, draft);
        });
    }

    /**
     * Approves a pending request: publishes the draft now ({@code at} null) or schedules its publication at
     * {@code at}, and records the decision, in one commit. {@code seenFingerprint} is the draft's fingerprint the
     * publisher reviewed: when the draft changed since ({@code reviewOutdated}, conflict), nothing happens and the
     * publisher must look again. {@code reviewDecided} when the request is no longer pending, {@code timeInPast}
     * for a time already gone.
     */
    public ReviewRequest approve(String by, String id, String seenFingerprint, Instant at, String comment) {
        if (at != null && !at.isAfter(clock.instant())) {
            throw PublishingException.invalid("timeInPast", "at must be in the future");
        }
        ReviewRequest request = requirePending(id);
        String jcrPath = publishing.draftPath(request.workspace(), request.path());
        repository.write(session -> {
            Node node = session.getNode(ROOT + "/" + id);
            requirePending(request(session, node));
            Node draft = requireDraft(session, request);
            if (seenFingerprint == null || !seenFingerprint.equals(Fingerprint.of(draft))) {
                throw PublishingException.conflict("reviewOutdated", "The draft changed since it was reviewed", jcrPath);
            }
            if (at == null) {
                publishing.publishInSession(session, draft.getPath(), stamp(by, "Relecture approuvée / review approved: "
                        + request.comment()));
                node.setProperty("state", ReviewRequest.State.APPROVED.name());
            } else {
                publishing.scheduleApprovedInSession(session, request.workspace(), request.path(), draft, at, by);
                node.setProperty("state", ReviewRequest.State.SCHEDULED.name());
                node.setProperty("scheduledAt", calendar(at));
            }
            decided(node, by, comment);
            return null;
        });
        LOG.info("{} approved review request {} of {}:{}{}", by, id, request.workspace(), request.path(),
                at == null ? " (published)" : " (scheduled at " + at + ")");
        return find(id).orElseThrow();
    }

    /** Sends a pending request back to its editor; {@code commentMissing} without a comment. */
    public ReviewRequest sendBack(String by, String id, String comment) {
        if (comment == null || comment.isBlank()) {
            throw PublishingException.invalid("commentMissing", "comment is required");
        }
        requirePending(id);
        repository.write(session -> {
            Node node = session.getNode(ROOT + "/" + id);
            requirePending(request(session, node));
            node.setProperty("state", ReviewRequest.State.SENT_BACK.name());
            decided(node, by, comment);
            return null;
        });
        LOG.info("{} sent review request {} back", by, id);
        return find(id).orElseThrow();
    }

    private ReviewRequest requirePending(String id) {
        ReviewRequest request = find(id).orElseThrow(() -> PublishingException.missing("reviewNotFound",
                "No review request " + id));
        return requirePending(request);
    }

    private static ReviewRequest requirePending(ReviewRequest request) {
        if (!request.pending()) {
            throw PublishingException.conflict("reviewDecided", "Review request " + request.id() + " is "
                    + request.state(), null);
        }
        return request;
    }

    private void decided(Node node, String by, String comment) throws RepositoryException {
        node.setProperty("decidedBy", by);
        node.setProperty("decidedAt", now());
        if (comment != null && !comment.isBlank()) {
            node.setProperty("decisionComment", comment.trim());
        }
    }

    private List<ReviewRequest> all() {
        return repository.read(session -> session.nodeExists(ROOT) ? read(session, session.getNode(ROOT)) : List.of());
    }

    private static List<ReviewRequest> read(Session session, Node root) throws RepositoryException {
        List<ReviewRequest> requests = new ArrayList<>();
        for (NodeIterator it = root.getNodes(); it.hasNext(); ) {
            requests.add(request(session, it.nextNode()));
        }
        return requests;
    }

    private static ReviewRequest request(Session session, Node node) throws RepositoryException {
        String workspace = node.getProperty("workspace").getString();
        String nodeId = node.getProperty("nodeId").getString();
        String path = node.getProperty("path").getString();
        try {
            String current = session.getNodeByIdentifier(nodeId).getPath();
            if (current.startsWith("/" + workspace + "/")) {
                path = current.substring(workspace.length() + 1); // moved or renamed since
            }
        } catch (javax.jcr.ItemNotFoundException e) {
            // deleted since: keep the path it had
        }
        return new ReviewRequest(node.getName(), workspace, path, nodeId, node.getProperty("by").getString(),
                instant(node, "at"), node.getProperty("comment").getString(), instant(node, "wishedAt"),
                node.getProperty("fingerprint").getString(), (int) node.getProperty("baseVersion").getLong(),
                ReviewRequest.State.valueOf(node.getProperty("state").getString()), string(node, "decidedBy"),
                instant(node, "decidedAt"), string(node, "decisionComment"), instant(node, "scheduledAt"));
    }

    /** The request's draft in {@code session}, or null when it is gone (or not in the request's workspace). */
    public static Node draft(Session session, ReviewRequest request) throws RepositoryException {
        try {
            Node draft = session.getNodeByIdentifier(request.nodeId());
            return draft.getPath().startsWith("/" + request.workspace() + "/") ? draft : null;
        } catch (javax.jcr.ItemNotFoundException e) {
            return null;
        }
    }

    private static Node requireDraft(Session session, ReviewRequest request) throws RepositoryException {
        Node draft = draft(session, request);
        if (draft == null) {
            throw PublishingException.missing("nodeNotFound", "The draft of review request " + request.id()
                    + " no longer exists");
        }
        return draft;
    }

    private static Node root(Session session) throws RepositoryException {
        return PublishingTree.child(session.getNode(PublishingTree.ROOT), "reviews");
    }

    private static String string(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? node.getProperty(name).getString() : null;
    }

    private static Instant instant(Node node, String name) throws RepositoryException {
        return node.hasProperty(name) ? Instant.ofEpochMilli(node.getProperty(name).getDate().getTimeInMillis()) : null;
    }

    private Calendar now() {
        return calendar(clock.instant());
    }

    private static Calendar calendar(Instant at) {
        Calendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(at.toEpochMilli());
        return calendar;
    }

    private Stamp stamp(String by, String comment) {
        Calendar at = new GregorianCalendar(TimeZone.getTimeZone(clock.getZone()));
        at.setTimeInMillis(clock.millis());
        return new Stamp(by, at, comment);
    }
}
