package fr.usinesouvertes.platform.publishing;

/** Where a draft node stands against its published (live) copy, as shown in the back office's lists. */
public enum PublicationStatus {
    /** Never published, or unpublished since: the public does not see it. */
    DRAFT,
    /** Published, but the draft changed since: the public sees the previous version. */
    MODIFIED,
    /** Published and unchanged since. */
    PUBLISHED,
    /** A publication or unpublication is scheduled and has not run yet. */
    SCHEDULED,
    /** Deleted in the draft while published: the public sees it until the deletion is published. */
    DELETED
}
