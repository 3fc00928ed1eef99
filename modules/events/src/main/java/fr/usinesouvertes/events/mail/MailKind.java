package fr.usinesouvertes.events.mail;

/** The moments a registrant hears from us. */
public enum MailKind {
    /** Booked within capacity. */
    CONFIRMATION,
    /** The slot was full: on the waiting list, at a position. */
    WAITING_LIST,
    /** A cancellation freed seats: promoted from the waiting list to confirmed. */
    PROMOTION,
    /** The registration was cancelled (by the registrant, or the visit was cancelled). */
    CANCELLATION
}
