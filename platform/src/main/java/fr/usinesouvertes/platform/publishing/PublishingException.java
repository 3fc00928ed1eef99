package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.http.ApiException;
import jakarta.ws.rs.core.Response;

/**
 * A publishing request that cannot be done (unknown node, workspace not under publishing, parent not
 * published, unknown version...): answered 4xx with a code and an English message naming the reason;
 * nothing was changed.
 */
public final class PublishingException extends ApiException {

    private final String code;

    public PublishingException(Response.Status status, String code, String message) {
        super(status, code, message);
        this.code = code;
    }

    /** A machine-readable reason, e.g. {@code nodeNotFound}, {@code parentNotPublished}. */
    public String code() {
        return code;
    }

    static PublishingException missing(String code, String message) {
        return new PublishingException(Response.Status.NOT_FOUND, code, message);
    }

    static PublishingException invalid(String code, String message) {
        return new PublishingException(Response.Status.BAD_REQUEST, code, message);
    }

    static PublishingException conflict(String code, String message) {
        return new PublishingException(Response.Status.CONFLICT, code, message);
    }
}
