package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * One field of a dialog, normalised to Magnolia 6 UI names whichever style it was written in
 * ({@code $type: textField}, {@code fieldType: text} or {@code class: ...TextFieldDefinition}).
 *
 * @param type        6 UI {@code $type}, e.g. {@code textField}, {@code richTextField}, {@code jcrMultiField}
 * @param field       the repeated field of {@code jcrMultiField}/{@code jcrMultiValueField}, else {@code null}
 * @param properties  sub-fields of a composite field, or the fields of a switchable field's forms
 * @param options     choices of select-like fields (name, value, label), in order
 * @param workspace   workspace of a link field's datasource, or {@code null}
 */
public record FieldDefinition(String name, String type, String label, String description, boolean i18n,
                              boolean required, Object defaultValue, FieldDefinition field,
                              List<FieldDefinition> properties, List<Map<String, Object>> options,
                              String workspace, Map<String, Object> validators, Map<String, Object> raw) {
}
