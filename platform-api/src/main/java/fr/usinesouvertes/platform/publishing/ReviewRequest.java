package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.time.Instant;

/**
 * An editor's request that a publisher review a draft and publish it.
 *
 * @param id              identifies the request
 * @param workspace       the draft's workspace
 * @param path            the draft's path inside it (where it is now when it still exists, else where it was)
 * @param nodeId          the draft's uuid
 * @param by              the login of the editor who submitted it
 * @param at              when it was submitted
 * @param comment         the editor's comment (never empty)
 * @param wishedAt        when the editor would like it published, or {@code null}
 * @param fingerprint     the draft's {@link Fingerprint} when submitted: a later edit changes it
 * @param baseVersion     the number of the published version the draft was based on, 0 when never published
 * @param state           where the request stands
 * @param decidedBy       the login of the publisher who decided, or {@code null} while pending
 * @param decidedAt       when it was decided, or {@code null}
 * @param decisionComment the publisher's comment (required to send back), or {@code null}
 * @param scheduledAt     for {@link State#SCHEDULED}: when the publication runs
 */
@PluginApi
public record ReviewRequest(String id, String workspace, String path, String nodeId, String by, Instant at,
                            String comment, Instant wishedAt, String fingerprint, int baseVersion, State state,
                            String decidedBy, Instant decidedAt, String decisionComment, Instant scheduledAt) {

    /** Where a request stands. */
    public enum State {
        /** Waiting for a publisher. */
        PENDING,
        /** Approved and published at once. */
        APPROVED,
        /** Approved, its publication scheduled at {@link ReviewRequest#scheduledAt()}. */
        SCHEDULED,
        /** Sent back to the editor with a comment. */
        SENT_BACK,
        /** Replaced by a newer request for the same draft. */
        SUPERSEDED
    }

    public boolean pending() {
        return state == State.PENDING;
    }
}
