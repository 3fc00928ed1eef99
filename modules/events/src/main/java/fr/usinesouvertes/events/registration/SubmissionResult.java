package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.booking.BookingOutcome;
import java.util.List;

/** What became of one submitted registration form; each web front end turns it into its own answer. */
public sealed interface SubmissionResult {

    /** Booked (confirmed or waitlisted); {@code manageLink} is the registrant's signed view/cancel page. */
    record Booked(BookingOutcome outcome, BookableSlot slot, RegistrationForm form, String manageLink)
            implements SubmissionResult {
    }

    /** Fields at fault (HTTP 400); nothing stored. */
    record Invalid(List<FieldError> errors) implements SubmissionResult {
    }

    /** Well-formed but not possible now (HTTP 409): closed, not yet open, or not open to that audience. */
    record Refused(String code, String message) implements SubmissionResult {
    }

    /** Too many submissions from this client (HTTP 429). */
    record RateLimited(long retryAfterSeconds) implements SubmissionResult {
    }
}
