package fr.usinesouvertes.platform.publishing;

/**
 * A publishing request that cannot be done (unknown node, workspace not under publishing, parent not
 * published, unknown version...), with a code and an English message naming the reason; nothing was changed.
 * Not an HTTP exception: the back office and the command line each turn the {@link Kind} into their answer.
 */
public final class PublishingException extends RuntimeException {

    /** What kind of mistake the request holds. */
    public enum Kind {
        /** The node, workspace or version named does not exist. */
        NOT_FOUND,
        /** The request itself is malformed (a path, a version label). */
        INVALID,
        /** The request is well-formed but the content's state forbids it (e.g. the parent is not published). */
        CONFLICT
    }

    private final Kind kind;
    private final String code;
    private final String subject;

    public PublishingException(Kind kind, String code, String message) {
        this(kind, code, message, null);
    }

    /** {@code subject}: the JCR path the refusal is about, for messages written by the caller; may be null. */
    public PublishingException(Kind kind, String code, String message, String subject) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.subject = subject;
    }

    public Kind kind() {
        return kind;
    }

    /** A machine-readable reason, e.g. {@code nodeNotFound}, {@code parentNotPublished}. */
    public String code() {
        return code;
    }

    /** The JCR path the refusal is about ({@code /dam/presse/kit}), or null when the request named none. */
    public String subject() {
        return subject;
    }

    static PublishingException missing(String code, String message) {
        return new PublishingException(Kind.NOT_FOUND, code, message);
    }

    static PublishingException invalid(String code, String message) {
        return new PublishingException(Kind.INVALID, code, message);
    }

    static PublishingException conflict(String code, String message, String subject) {
        return new PublishingException(Kind.CONFLICT, code, message, subject);
    }
}
