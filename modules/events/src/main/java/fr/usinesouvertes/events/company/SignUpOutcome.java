package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.registration.FieldError;
import java.util.List;

/** What became of a submitted company sign-up form. */
public sealed interface SignUpOutcome {

    /** Valid: the verification link was sent to {@code email}. */
    record Sent(String email) implements SignUpOutcome {
    }

    /** Errors next to their fields; nothing stored, nothing sent. */
    record Invalid(List<FieldError> errors) implements SignUpOutcome {
    }

    /** Company sign-up is closed now (edition window or regional deadline), with the reason. */
    record Refused(String message) implements SignUpOutcome {
    }

    /** Too many submissions from this client: retry after some seconds. */
    record RateLimited(long retryAfterSeconds) implements SignUpOutcome {
    }
}
