package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Drafts and published content of the editorial workspaces: publish, unpublish, status, scheduled
 * actions and versions. Paths are paths inside a workspace ({@code /journees-usines-ouvertes/presse});
 * {@code by} is the login of whoever acts. Every method is one repository commit: on failure
 * ({@link PublishingException}, 4xx) nothing was changed. See the package documentation for the design.
 */
@PluginApi
public interface Publishing {

    /** A scheduled action. */
    enum Action { PUBLISH, UNPUBLISH }

    /** The workspaces under publishing: {@code website}, {@code dam} and the light modules' content-type workspaces. */
    Set<String> publishableWorkspaces();

    /** Whether the public reads {@code workspace} from its published copy (else directly, e.g. the events module's). */
    boolean isPublishable(String workspace);

    /**
     * Copies the draft node (its properties and its components, areas and resources) to the public, and with
     * {@code withSubPages} its sub-pages (folders' items, sub-folders, assets) too; stores a version of each
     * node published. A node marked for deletion is removed from the public and from the drafts. The parent
     * must be published already ({@code parentNotPublished}), except folders ({@code mgnl:folder}): the
     * unpublished folders above the node are published with it, on their own (their other items stay as they
     * are). {@code /} publishes the whole workspace.
     */
    void publish(String by, String workspace, String path, boolean withSubPages);

    /** {@link #publish(String, String, String, boolean)} with a comment stored with the version. */
    void publish(String by, String workspace, String path, boolean withSubPages, String comment);

    /** Removes the published copy of the node and of its sub-pages; the draft stays, with status {@link PublicationStatus#DRAFT}. */
    void unpublish(String by, String workspace, String path);

    /**
     * Deletes a draft node as Magnolia does: a node never published is removed at once; a published one is
     * marked for deletion (status {@link PublicationStatus#DELETED}) and stays public until it is published,
     * which removes it everywhere (or {@link #unpublish}ed, then deleted).
     */
    void delete(String by, String workspace, String path);

    /** The node's status; {@code nodeNotFound} when neither a draft nor a published copy exists. */
    PublicationStatus status(String workspace, String path);

    /**
     * How many units below the node (sub-pages, a folder's items and sub-folders, at any depth) are not public
     * as they are: never published, modified or marked for deletion since. 0 when everything inside is published.
     */
    int unpublishedBelow(String workspace, String path);

    /** Schedules an action at {@code at} (platform clock); returns it with its id. */
    ScheduledAction schedule(String by, String workspace, String path, Action action, Instant at, boolean withSubPages);

    /** Cancels a scheduled action by its id; {@code false} when there was none (already run or cancelled). */
    boolean cancelSchedule(String by, String id);

    /** Every scheduled action not run yet, soonest first. */
    List<ScheduledAction> scheduled();

    /** The scheduled actions of one node, soonest first. */
    List<ScheduledAction> scheduled(String workspace, String path);

    /** Runs every scheduled action that is due (the cluster job calls it); returns how many ran. */
    int runDueActions();

    /**
     * Applies, in {@code session} and without saving it, every scheduled action due by {@code until}, in their order:
     * the public content as it will be then, for a preview. The caller discards the session's changes; an action
     * that would fail is left out. Returns how many were applied.
     */
    int applyScheduledUntil(javax.jcr.Session session, Instant until);

    /** The stored versions of a node, oldest (1) first. */
    List<ContentVersion> versions(String workspace, String path);

    /** The differences from version {@code a} to version {@code b} of a node. */
    List<VersionDifference> compare(String workspace, String path, int a, int b);

    /** Puts version {@code version} back into the draft (sub-pages untouched); the status becomes {@link PublicationStatus#MODIFIED}. */
    void restore(String by, String workspace, String path, int version);
}
