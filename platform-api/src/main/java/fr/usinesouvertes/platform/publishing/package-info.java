/**
 * Drafts, publishing, versions and scheduled publication of the editorial workspaces.
 *
 * <p>The design:
 * <ul>
 *   <li><b>Drafts stay where they are.</b> {@code /website}, {@code /dam} and the content-type workspaces of
 *       the light modules ({@code /press-releases}, {@code /partners}, ...) are the drafts editors work on,
 *       with their uuids and node types. Only these are under publishing (see
 *       {@link fr.usinesouvertes.platform.publishing.Publishing#publishableWorkspaces()}): the workspaces of
 *       Java modules' class-path light modules (the events module's {@code companies}, {@code sites},
 *       {@code events}, {@code editions}) and {@code config} have their own moderation and are read as they
 *       are.</li>
 *   <li><b>The published copy</b> of workspace {@code w} is {@code /live/w}, same relative paths.
 *       Publishing a node copies its properties and its parts (areas, components, resources: every child
 *       that is not itself a page, folder, asset or content item) into the live tree, updating live nodes in
 *       place so that they keep their identity; "with sub-pages" publishes the sub-units too. JCR uuids
 *       cannot repeat, so a live node carries {@code uo:sourceId}, its draft's uuid (Oak property index
 *       {@code /oak:index/uoSourceId}); the public id of a node ({@code @id}) is always the draft's uuid.
 *       The draft gets Magnolia's {@code mgnl:lastActivated}, {@code mgnl:lastActivatedBy} and
 *       {@code mgnl:activationStatus}.</li>
 *   <li><b>Readers read through a stage</b> ({@link fr.usinesouvertes.platform.publishing.ContentStage}):
 *       the site, the Delivery API and the asset servlet read {@code PUBLIC}; the back office's preview
 *       reads {@code DRAFT}. References (links to pages, assets) resolve to live nodes in {@code PUBLIC}, and
 *       to nothing when their target is not published.</li>
 *   <li><b>Status</b> compares a fingerprint of the draft (its properties and parts, without activation
 *       metadata) with the one stored on the live copy at publication, so any change made by any code is
 *       seen as {@code MODIFIED}; a pending scheduled action shows as {@code SCHEDULED}, a published node
 *       deleted in the drafts as {@code DELETED}. A restored version is {@code MODIFIED} until published.</li>
 *   <li><b>Deletion</b> follows Magnolia: a node never published is removed at once; a published one is
 *       marked for deletion ({@code mgnl:deleted}) and stays public until the deletion is published (or
 *       the node unpublished).</li>
 *   <li><b>Versions</b>: each publication stores a copy of the published node (with its parts) under
 *       {@code /publishing/versions/<workspace>/<draft uuid>/<n>} with who, when and a comment; versions
 *       can be compared property by property and restored into the draft.</li>
 *   <li><b>Scheduled actions</b> are stored under {@code /publishing/schedule} and run by the cluster job
 *       {@code publishing-schedule} (one node at a time, see {@code ClusterJobs}) when the platform clock
 *       reaches their time; an action and the removal of its entry are one commit, so it runs once. The job
 *       looks every second, or every third of {@code cluster-job-lease} if that is longer (10 s by
 *       default).</li>
 *   <li><b>Review before publishing</b> ({@link fr.usinesouvertes.platform.publishing.ReviewRequests}): per
 *       workspace, editors publish directly or submit drafts for review (the setting at
 *       {@code /config/publishing/review}); a request under {@code /publishing/reviews/<id>} keeps the draft's
 *       fingerprint and a copy of it as submitted, so a later edit makes it outdated; approving publishes or
 *       schedules the draft in the commit that records the decision.</li>
 *   <li><b>Bootstrap content</b> is published when imported; a repository that existed before publishing
 *       (no {@code /live} yet) has all its editorial content published once at start, so the public site
 *       stays what it was.</li>
 *   <li>Caches (Delivery answers) are emptied on every commit, so a publication shows at once; pages are
 *       rendered per request with an ETag.</li>
 *   <li>The back office's preview ({@code Platform.pagePreview()}) renders the drafts with the site's
 *       templates; links in it are the public site's.</li>
 * </ul>
 */
package fr.usinesouvertes.platform.publishing;
