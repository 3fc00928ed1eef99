package fr.usinesouvertes.platform.admin.authoring.form;

/**
 * Why a field's value was refused, in French (shown by default) and English.
 *
 * @param field the parameter name of the input, e.g. {@code title_en} or {@code dates.0.date}
 */
public record FieldError(String field, String label, String message, String messageEn) {

    public String message(String lang) {
        return "en".equals(lang) ? messageEn : message;
    }
}
