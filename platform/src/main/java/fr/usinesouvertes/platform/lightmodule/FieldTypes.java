package fr.usinesouvertes.platform.lightmodule;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names of dialog fields in Magnolia 6 UI ({@code $type}), and the translation of the Magnolia 5 UI
 * names into them: {@code fieldType} aliases ({@code text}, {@code richText}...) and field definition
 * classes ({@code info.magnolia.ui.form.field.definition.TextFieldDefinition}, or the 6 UI
 * {@code info.magnolia.ui.field.TextFieldDefinition}).
 */
final class FieldTypes {

    /** The 6 UI {@code $type} values the platform understands (fields, datasources, validators, layouts). */
    static final Set<String> KNOWN_TYPES = Set.of(
            "textField", "richTextField", "codeField", "passwordField", "hiddenField", "staticField",
            "checkBoxField", "checkBoxGroupField", "radioButtonGroupField", "comboBoxField", "listSelectField",
            "twinColSelectField", "tokenField", "sliderField", "dateField",
            "linkField", "pageLinkField", "damLinkField", "resourceLinkField", "uploadField", "basicUploadField",
            "compositeField", "switchableField", "jcrMultiField", "jcrMultiValueField", "jcrMultiLinkField",
            "jsonMultiField", "jsonCompositeField", "jsonComboBoxField", "jsonLinkField",
            "jcrDatasource", "optionListDatasource", "jsonDatasource", "jcrContentTypeDatasource",
            "jcrChildNodeProvider", "jsonMultiFieldProvider", "currentItemProvider",
            "emailValidator", "regexpValidator", "tabbedLayout", "tabbedForm",
            // Magnolia 6 field layouts of composite and multi fields: the form shows the fields one under the other
            "horizontal", "stacked");

    /** Magnolia 5 {@code fieldType} aliases (also the class names without {@code FieldDefinition}). */
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("text", "textField"), Map.entry("richText", "richTextField"), Map.entry("code", "codeField"),
            Map.entry("password", "passwordField"), Map.entry("hidden", "hiddenField"),
            Map.entry("static", "staticField"), Map.entry("checkbox", "checkBoxField"),
            Map.entry("checkBox", "checkBoxField"), Map.entry("optionGroup", "radioButtonGroupField"),
            Map.entry("select", "comboBoxField"), Map.entry("twinColSelect", "twinColSelectField"),
            Map.entry("date", "dateField"), Map.entry("link", "linkField"), Map.entry("basicUpload", "uploadField"),
            Map.entry("damUpload", "uploadField"), Map.entry("upload", "uploadField"),
            Map.entry("composite", "compositeField"), Map.entry("switchable", "switchableField"),
            Map.entry("multiValue", "jcrMultiValueField"), Map.entry("multi", "jcrMultiValueField"),
            Map.entry("slider", "sliderField"), Map.entry("emailValidator", "emailValidator"),
            Map.entry("email", "emailValidator"), Map.entry("regexp", "regexpValidator"),
            Map.entry("regexpValidator", "regexpValidator"));

    private static final String[] FIELD_PACKAGES = {
        "info.magnolia.ui.form.field.definition.", "info.magnolia.ui.field.",
        "info.magnolia.ui.form.validator.definition.", "info.magnolia.dam.app.ui.field.definition."};

    private FieldTypes() {
    }

    /** The 6 UI type of a 5 UI {@code fieldType} alias, if known. */
    static Optional<String> ofAlias(String alias) {
        if (alias == null) {
            return Optional.empty();
        }
        String type = ALIASES.get(alias);
        if (type == null && KNOWN_TYPES.contains(alias)) {
            type = alias;
        }
        return Optional.ofNullable(type);
    }

    /** The 6 UI type of a field, validator or datasource definition class, if the platform knows it. */
    static Optional<String> ofClass(String className) {
        if (className == null) {
            return Optional.empty();
        }
        for (String prefix : FIELD_PACKAGES) {
            if (className.startsWith(prefix)) {
                String simple = className.substring(prefix.length());
                if (simple.contains(".") || !simple.endsWith("Definition")) {
                    return Optional.empty();
                }
                String base = simple.substring(0, simple.length() - "Definition".length());
                return fromSimpleName(base);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> fromSimpleName(String base) {
        String camel = base.substring(0, 1).toLowerCase(Locale.ROOT) + base.substring(1);
        if (KNOWN_TYPES.contains(camel)) {
            return Optional.of(camel); // 6 UI class: TextFieldDefinition -> textField
        }
        String alias = camel.endsWith("Field") ? camel.substring(0, camel.length() - "Field".length()) : camel;
        Optional<String> viaAlias = ofAlias(alias);
        return viaAlias.isPresent() ? viaAlias : ofAlias(camel);
    }
}
