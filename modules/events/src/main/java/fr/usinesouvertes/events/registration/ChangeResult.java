package fr.usinesouvertes.events.registration;

import java.util.List;

/** What became of a registrant's change of their registration ({@link RegistrationService#change}). */
public sealed interface ChangeResult {

    /**
     * Saved, or nothing to change.
     *
     * @param changed {@code false} when the values asked for were those already held: nothing written, nothing sent
     */
    record Changed(ManagedRegistration registration, boolean changed) implements ChangeResult {
    }

    /**
     * Refused, nothing written: 400 for input that is wrong whatever the slot's state, 409 for a change the
     * registration or the slot no longer allows (places left, visit started, cancelled).
     *
     * @param code   a stable code for the JSON API ({@code invalid}, {@code notEnoughPlaces}, {@code visitStarted}, …)
     * @param errors the refused fields and why; the field is empty for a refusal of the whole change
     */
    record Refused(int status, String code, List<FieldError> errors) implements ChangeResult {

        public Refused {
            errors = List.copyOf(errors);
        }

        /** The first reason, for a one-line answer. */
        public String message() {
            return errors.isEmpty() ? code : errors.get(0).message();
        }
    }
}
