package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One field of a generated form, ready to show, check and store.
 *
 * @param maxLength    the longest accepted value in characters, or {@code null}
 * @param rows         lines of a text field; above 1 it is a text area
 * @param time         whether a date field carries the time of day
 * @param options      choices of select-like fields (also a switchable field's choices)
 * @param workspace    the workspace a {@link FieldKind#LINK} points into
 * @param item         the repeated field of {@link FieldKind#MULTI_VALUE} and {@link FieldKind#MULTI_FIELD}
 * @param children     sub-fields of composite and switchable fields
 * @param switchForms  for a switchable field: option value to the names of the children it shows
 * @param pattern      a regular expression the value must match ({@code regexpValidator}), or {@code null}
 * @param email        whether the value must be an e-mail address ({@code emailValidator})
 * @param patternMessage the validator's own error message, or {@code null}
 */
public record FormField(String name, FieldKind kind, String label, String description, boolean i18n,
                        boolean required, Integer maxLength, int rows, boolean time, ValueType valueType,
                        List<Option> options, String workspace, FormField item, List<FormField> children,
                        Map<String, List<String>> switchForms, Pattern pattern, boolean email,
                        String patternMessage, String defaultValue) {

    /** The label to show: the definition's, else the field's name. */
    public String displayLabel() {
        return label == null || label.isBlank() ? name : label;
    }

    /** The same field with another label, description, repeated field and sub-fields. */
    FormField withTexts(String newLabel, String newDescription, FormField newItem, List<FormField> newChildren) {
        return new FormField(name, kind, newLabel, newDescription, i18n, required, maxLength, rows, time, valueType,
                options, workspace, newItem, newChildren, switchForms, pattern, email, patternMessage, defaultValue);
    }

    /** The same field with other choices (their labels translated). */
    FormField withOptions(List<Option> newOptions) {
        return new FormField(name, kind, label, description, i18n, required, maxLength, rows, time, valueType,
                newOptions, workspace, item, children, switchForms, pattern, email, patternMessage, defaultValue);
    }

    /** Whether a value must be one of {@link #options()}. */
    public boolean hasFixedOptions() {
        return !options.isEmpty();
    }
}
