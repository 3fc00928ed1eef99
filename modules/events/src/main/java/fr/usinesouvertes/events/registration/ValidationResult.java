package fr.usinesouvertes.events.registration;

import java.util.List;
import java.util.Optional;

/** Either a valid registration form or the list of fields at fault, never both. */
public final class ValidationResult {

    private final RegistrationForm form;
    private final List<FieldError> errors;

    private ValidationResult(RegistrationForm form, List<FieldError> errors) {
        this.form = form;
        this.errors = List.copyOf(errors);
    }

    static ValidationResult valid(RegistrationForm form) {
        return new ValidationResult(java.util.Objects.requireNonNull(form), List.of());
    }

    static ValidationResult invalid(List<FieldError> errors) {
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("An invalid result names at least one field");
        }
        return new ValidationResult(null, errors);
    }

    public boolean isValid() {
        return form != null;
    }

    public Optional<RegistrationForm> form() {
        return Optional.ofNullable(form);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
