package fr.usinesouvertes.events.company;

/** What became of a sign-up verification link. */
public sealed interface VerificationOutcome {

    /** The company node {@code company} and the account {@code login} now exist. */
    record Created(String company, String login) implements VerificationOutcome {
    }

    /** The link is malformed, unknown, already used or expired. */
    record InvalidLink() implements VerificationOutcome {
    }

    /** An account with this e-mail already exists; nothing was created. */
    record AlreadyRegistered(String login) implements VerificationOutcome {
    }
}
