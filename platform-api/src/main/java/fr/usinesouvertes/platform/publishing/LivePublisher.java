package fr.usinesouvertes.platform.publishing;

import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * Publishes, unpublishes and deletes draft nodes on a session (the caller saves): the live copy of
 * {@code /w/a/b} is {@code /live/w/a/b}, kept in place and found by {@value ContentStage#SOURCE_ID} when the
 * draft has moved.
 */
final class LivePublisher {

    static final String DELETED = "mgnl:deleted";

    private final VersionStore versions;

    LivePublisher(VersionStore versions) {
        this.versions = versions;
    }

    /**
     * Publishes the draft at a JCR path (or its deletion); {@code /w} publishes every unit of the workspace.
     * Returns how many units (pages, folders, assets, items) were published or removed.
     */
    int publish(Session session, String draftPath, boolean withSubPages, Stamp stamp) throws RepositoryException {
        if (draftPath.indexOf('/', 1) < 0) {
            if (!session.nodeExists(draftPath)) {
                return 0; // a workspace without content yet
            }
            int count = 0;
            for (Node unit : units(session.getNode(draftPath))) {
                count += publishUnit(unit, true, stamp);
            }
            return count;
        }
        if (!session.nodeExists(draftPath)) {
            String livePath = ContentStage.LIVE_ROOT + draftPath;
            if (!session.nodeExists(livePath)) {
                throw PublishingException.missing("nodeNotFound", "No node at " + draftPath);
            }
            session.getNode(livePath).remove(); // the draft is gone: publishing its deletion
            return 1;
        }
        return publishUnit(session.getNode(draftPath), withSubPages, stamp);
    }

    private int publishUnit(Node draft, boolean withSubPages, Stamp stamp) throws RepositoryException {
        Session session = draft.getSession();
        Node live = liveCopy(draft);
        if (draft.isNodeType(DELETED)) {
            if (live != null) {
                live.remove();
            }
            draft.remove();
            return 1;
        }
        String livePath = ContentStage.LIVE_ROOT + draft.getPath();
        String liveParentPath = livePath.substring(0, livePath.lastIndexOf('/'));
        int count = 0;
        if (!session.nodeExists(liveParentPath)) {
            count += publishFolders(draft, stamp);
        }
        if (live != null && !live.getPath().equals(livePath)) {
            if (session.nodeExists(livePath)) {
                session.getNode(livePath).remove();
            }
            session.move(live.getPath(), livePath); // the draft was moved or renamed: same live node
            live = session.getNode(livePath);
        }
        if (live == null && session.nodeExists(livePath)) {
            live = session.getNode(livePath); // a former node of that name: replaced in place
        }
        if (live == null) {
            live = session.getNode(liveParentPath).addNode(draft.getName(), draft.getPrimaryNodeType().getName());
        }
        draft.setProperty("mgnl:lastActivated", stamp.at());
        draft.setProperty("mgnl:lastActivatedBy", stamp.by());
        draft.setProperty("mgnl:activationStatus", "true");
        NodeCopier.copyContent(draft, live);
        for (String name : NodeCopier.ACTIVATION) {
            if (draft.hasProperty(name)) {
                live.setProperty(name, draft.getProperty(name).getValue());
            }
        }
        live.setProperty(ContentStage.SOURCE_ID, draft.getIdentifier());
        markParts(draft, live);
        live.setProperty(PublishingTree.FINGERPRINT, Fingerprint.of(draft));
        orderLikeDraft(draft, live);
        versions.store(draft, stamp);
        count++;
        if (withSubPages) {
            for (Node unit : units(draft)) {
                count += publishUnit(unit, true, stamp);
            }
        }
        return count;
    }

    /**
     * Publishes the unpublished folders above a draft, outermost first, each on its own (a folder holds no
     * content besides its items, so publishing it shows nothing new); a page or item above that is not
     * published is a conflict: publishing it is the editor's decision. Returns how many folders were published.
     */
    private int publishFolders(Node draft, Stamp stamp) throws RepositoryException {
        Session session = draft.getSession();
        List<Node> folders = new ArrayList<>();
        for (Node parent = draft.getParent(); !session.nodeExists(ContentStage.LIVE_ROOT + parent.getPath());
             parent = parent.getParent()) {
            if (parent.getDepth() <= 1 || !parent.isNodeType(ContentUnits.FOLDER) || parent.isNodeType(DELETED)) {
                throw PublishingException.conflict("parentNotPublished", "Publish the parent of "
                        + draft.getPath() + " first", draft.getPath());
            }
            folders.add(0, parent);
        }
        int count = 0;
        for (Node folder : folders) {
            count += publishUnit(folder, false, stamp);
        }
        return count;
    }

    /**
     * Gives every live part (area, component, sub-node) its draft's uuid in {@value ContentStage#SOURCE_ID}, as the
     * unit has: public ids ({@code @id}, {@code content.@id}) are the drafts' uuids at every level.
     */
    private static void markParts(Node draft, Node live) throws RepositoryException {
        for (NodeIterator it = draft.getNodes(); it.hasNext(); ) {
            Node part = it.nextNode();
            if (!ContentUnits.isContent(part) || ContentUnits.isUnit(part) || !live.hasNode(part.getName())) {
                continue;
            }
            Node copy = live.getNode(part.getName());
            String id = part.getIdentifier();
            boolean marked = copy.hasProperty(ContentStage.SOURCE_ID)
                    && copy.getProperty(ContentStage.SOURCE_ID).getString().equals(id);
            if (!marked && part.isNodeType("mix:referenceable")
                    && copy.getPrimaryNodeType().canSetProperty(ContentStage.SOURCE_ID,
                    copy.getSession().getValueFactory().createValue(id))) {
                copy.setProperty(ContentStage.SOURCE_ID, id);
            }
            markParts(part, copy);
        }
    }

    /** Places the live node before the live copy of the draft's next sibling that is published. */
    private static void orderLikeDraft(Node draft, Node live) throws RepositoryException {
        Node liveParent = live.getParent();
        if (!liveParent.getPrimaryNodeType().hasOrderableChildNodes()) {
            return;
        }
        boolean after = false;
        for (NodeIterator it = draft.getParent().getNodes(); it.hasNext(); ) {
            Node sibling = it.nextNode();
            if (after && liveParent.hasNode(sibling.getName())) {
                liveParent.orderBefore(live.getName(), sibling.getName());
                return;
            }
            after = after || sibling.isSame(draft);
        }
        liveParent.orderBefore(live.getName(), null);
    }

    /** Removes the live copy of the node at a JCR path with its sub-pages; a draft marked for deletion goes too. */
    void unpublish(Session session, String draftPath, Stamp stamp) throws RepositoryException {
        Node draft = session.nodeExists(draftPath) ? session.getNode(draftPath) : null;
        Node live = draft != null ? liveCopy(draft) : null;
        if (live == null && session.nodeExists(ContentStage.LIVE_ROOT + draftPath)) {
            live = session.getNode(ContentStage.LIVE_ROOT + draftPath);
        }
        if (draft == null && live == null) {
            throw PublishingException.missing("nodeNotFound", "No node at " + draftPath);
        }
        if (live != null) {
            live.remove();
        }
        if (draft != null) {
            if (draft.isNodeType(DELETED)) {
                draft.remove();
                return;
            }
            markUnpublished(draft);
        }
    }

    private static void markUnpublished(Node draft) throws RepositoryException {
        if (draft.hasProperty("mgnl:activationStatus")) {
            draft.setProperty("mgnl:activationStatus", "false");
        }
        for (Node unit : units(draft)) {
            markUnpublished(unit);
        }
    }

    /** Magnolia's delete: at once when never published, else marked until the deletion is published. */
    void delete(Session session, String draftPath, Stamp stamp) throws RepositoryException {
        if (!session.nodeExists(draftPath)) {
            throw PublishingException.missing("nodeNotFound", "No node at " + draftPath);
        }
        Node draft = session.getNode(draftPath);
        if (liveCopy(draft) == null) {
            draft.remove();
            return;
        }
        if (!draft.isNodeType(DELETED)) {
            draft.addMixin(DELETED);
        }
        draft.setProperty("mgnl:deleted", stamp.at());
        draft.setProperty("mgnl:deletedBy", stamp.by());
    }

    /** The status of the draft at a JCR path, scheduled actions aside. */
    static PublicationStatus status(Session session, String draftPath) throws RepositoryException {
        Node draft = session.nodeExists(draftPath) ? session.getNode(draftPath) : null;
        if (draft == null) {
            if (session.nodeExists(ContentStage.LIVE_ROOT + draftPath)) {
                return PublicationStatus.DELETED;
            }
            throw PublishingException.missing("nodeNotFound", "No node at " + draftPath);
        }
        Node live = liveCopy(draft);
        if (live == null) {
            return PublicationStatus.DRAFT;
        }
        if (draft.isNodeType(DELETED)) {
            return PublicationStatus.DELETED;
        }
        boolean same = live.hasProperty(PublishingTree.FINGERPRINT)
                && live.getProperty(PublishingTree.FINGERPRINT).getString().equals(Fingerprint.of(draft));
        return same ? PublicationStatus.PUBLISHED : PublicationStatus.MODIFIED;
    }

    /** How many units below a draft, at any depth, are not public as they are (draft, modified or deleted). */
    static int unpublishedBelow(Node draft) throws RepositoryException {
        int count = 0;
        for (Node unit : units(draft)) {
            if (status(draft.getSession(), unit.getPath()) != PublicationStatus.PUBLISHED) {
                count++;
            }
            count += unpublishedBelow(unit);
        }
        return count;
    }

    /** The live copy of a draft: at the same path with its uuid, else wherever its uuid is (moved draft). */
    static Node liveCopy(Node draft) throws RepositoryException {
        Session session = draft.getSession();
        String livePath = ContentStage.LIVE_ROOT + draft.getPath();
        String id = draft.getIdentifier();
        if (session.nodeExists(livePath)) {
            Node live = session.getNode(livePath);
            if (live.hasProperty(ContentStage.SOURCE_ID) && live.getProperty(ContentStage.SOURCE_ID).getString().equals(id)) {
                return live;
            }
        }
        return ContentStage.liveCopy(session, id);
    }

    static List<Node> units(Node parent) throws RepositoryException {
        List<Node> units = new ArrayList<>();
        for (NodeIterator it = parent.getNodes(); it.hasNext(); ) {
            Node child = it.nextNode();
            if (ContentUnits.isContent(child) && ContentUnits.isUnit(child)) {
                units.add(child);
            }
        }
        return units;
    }

    /** Who acts and when. */
    record Stamp(String by, Calendar at, String comment) {
    }
}
