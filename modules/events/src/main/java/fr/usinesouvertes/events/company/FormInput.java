package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import fr.usinesouvertes.events.i18n.Text;
import fr.usinesouvertes.events.registration.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads the fields of a submitted back-office or sign-up form and collects one error per field, in the
 * user's language, so that each form's validator only states its rules.
 */
final class FormInput {

    private final Map<String, String> values;
    private final Lang lang;
    private final List<FieldError> errors = new ArrayList<>();

    FormInput(Map<String, String> values, Lang lang) {
        this.values = values;
        this.lang = lang;
    }

    /** The trimmed text of a field, null when blank; an error when required and blank or longer than {@code max}. */
    String text(String field, boolean required, int max) {
        String value = values.get(field);
        value = value == null ? null : value.strip();
        if (value == null || value.isEmpty()) {
            if (required) {
                error(field, "formError.required");
            }
            return null;
        }
        if (value.length() > max) {
            error(field, "formError.tooLong", max);
            return null;
        }
        if (value.chars().anyMatch(c -> c < ' ' && c != '\n' && c != '\r' && c != '\t')) {
            error(field, "formError.invalidCharacters");
            return null;
        }
        return value;
    }

    /** A whole number within bounds, null (with an error when required) when absent or wrong. */
    Long number(String field, boolean required, long min, long max) {
        String value = text(field, required, 12);
        if (value == null) {
            return null;
        }
        try {
            long number = Long.parseLong(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(field, "formError.wholeNumber", min, max);
        return null;
    }

    /** A decimal number within bounds, null when absent or wrong (with an error when wrong or required). */
    Double decimal(String field, boolean required, double min, double max) {
        String value = text(field, required, 20);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.replace(',', '.'));
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        error(field, "formError.decimal", String.valueOf(min), String.valueOf(max));
        return null;
    }

    boolean checked(String field) {
        String value = values.get(field);
        return value != null && (value.equals("on") || value.equals("true") || value.equals("oui") || value.equals("1"));
    }

    boolean present(String field) {
        String value = values.get(field);
        return value != null && !value.isBlank();
    }

    /** The first error of {@code field}: the company bundle's {@code key} with {@code args}. */
    void error(String field, String key, Object... args) {
        error(field, Message.of(Messages.COMPANY, key, args));
    }

    void error(String field, Text message) {
        if (errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldError(field, message.in(lang)));
        }
    }

    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    Lang lang() {
        return lang;
    }
}
