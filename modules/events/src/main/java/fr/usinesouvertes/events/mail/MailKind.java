package fr.usinesouvertes.events.mail;

/** The moments a registrant hears from us, and the alerts about a cancelled visit that go through the same queue. */
public enum MailKind {
    /** Booked within capacity. */
    CONFIRMATION,
    /** The slot was full: on the waiting list, at a position. */
    WAITING_LIST,
    /** A cancellation freed seats: promoted from the waiting list to confirmed. */
    PROMOTION,
    /**
     * The registrant changed the registration (head count, slot): its details now, the position for a waiting
     * registration, the updated {@code .ics} (same UID, higher SEQUENCE) once it holds seats.
     */
    CHANGED,
    /** The registration was cancelled by its registrant. */
    CANCELLATION,
    /**
     * The company or the organisers cancelled the visit (its slot or whole event sheet): the registration is
     * cancelled, with their reason and other dates nearby; the position is set for a waiting registration.
     */
    VISIT_CANCELLED,
    /**
     * The organisers approved a change of the visit's sheet that moves the slot's times or its meeting point, access
     * or parking: what changed, before and after ({@link VisitChange}), with the updated {@code .ics}.
     */
    VISIT_CHANGED,
    /**
     * Before the visit (by default 7 days and 1 day before, the {@code reminder-days} setting), to a confirmed
     * registration booked before that moment: the visit, its practical information, the ticket and the link to change
     * or cancel; queued by the reminders' job with the number of days in its details ({@code days}).
     */
    REMINDER,
    /**
     * The company's message to the confirmed registrants of one of its slots ({@link CompanyMessage}, in the entry's
     * details), relayed by the platform: the company never sees their addresses.
     */
    COMPANY_MESSAGE,
    /**
     * The day after the visit, to a confirmed registration checked in present (or to every confirmed one of a slot
     * nobody checked in): the short satisfaction survey, its signed link in the entry's details ({@code surveyUrl}).
     */
    SURVEY,
    /**
     * Not a registrant's: the day after a site's last visit, the company thanked, pointed to its visitors' survey
     * results and offered the recruitment-needs declaration ({@link CompanyFollowUp}, in the entry's details; its
     * registration id is the event sheet's).
     */
    COMPANY_FOLLOW_UP,
    /**
     * Not a registrant's: the organisers (and, when they cancelled, the company) told that a visit was cancelled,
     * queued in the cancellation's commit. The entry's details hold the message ({@link CancellationAlert}); its
     * registration id is the cancelled sheet's or slot's.
     */
    CANCELLATION_ALERT,
    /**
     * Not a registrant's: a message of the schools outreach written whole when it was queued (a proposal to a school, an
     * organisers' decision on a transport-funding request), kept in the entry's details ({@link PreparedMail}); its
     * registration id names what it is about (the proposal, the funding case).
     */
    PREPARED;

    /** Whether the e-mail goes to a registrant, about the registration the queue entry names. */
    public boolean toRegistrant() {
        return this != CANCELLATION_ALERT && this != PREPARED && this != COMPANY_FOLLOW_UP;
    }
}
