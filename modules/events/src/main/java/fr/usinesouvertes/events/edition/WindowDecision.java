package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.i18n.Text;
import java.util.Objects;

/**
 * Whether sign-up is open right now and, when it is not, why, in words for the visitor.
 *
 * @param open    sign-up is open
 * @param reason  why it is closed (machine-readable), {@link Reason#OPEN} when open
 * @param message the sentence to show when closed ("Les inscriptions … ouvrent le 1er décembre 2025."),
 *                {@code null} when open
 */
public record WindowDecision(boolean open, Reason reason, Text message) {

    /** Why a sign-up is refused; lets the API pick a code without parsing messages. */
    public enum Reason { OPEN, NOT_YET_OPEN, CLOSED, NO_WINDOW, DAY_NOT_IN_EDITION, AUDIENCE_NOT_WELCOME_THAT_DAY, DAY_PASSED }

    public WindowDecision {
        Objects.requireNonNull(reason, "reason");
        if (open != (reason == Reason.OPEN) || open != (message == null)) {
            throw new IllegalArgumentException("An open decision has no message; a closed one has a reason and a message");
        }
    }

    static WindowDecision allowed() {
        return new WindowDecision(true, Reason.OPEN, null);
    }

    static WindowDecision refused(Reason reason, Text message) {
        return new WindowDecision(false, reason, message);
    }
}
