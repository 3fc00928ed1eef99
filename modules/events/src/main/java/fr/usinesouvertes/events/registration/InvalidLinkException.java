package fr.usinesouvertes.events.registration;

/** A registration link that was altered, is malformed or has expired; the API answers it with a 4xx. */
public class InvalidLinkException extends RuntimeException {

    /** Why the link is refused. */
    public enum Reason { MALFORMED, BAD_SIGNATURE, EXPIRED }

    private final Reason reason;

    public InvalidLinkException(Reason reason) {
        super(switch (reason) {
            case MALFORMED -> "The link is incomplete or malformed";
            case BAD_SIGNATURE -> "The link's signature does not match";
            case EXPIRED -> "The link has expired";
        });
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
