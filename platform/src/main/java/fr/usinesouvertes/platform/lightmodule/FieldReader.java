package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads dialog fields written in either UI style into {@link FieldDefinition}s with 6 UI {@code $type}
 * names, recursing into {@code jcrMultiField}'s {@code field}, composite {@code properties} (5 UI:
 * {@code fields}), switchable {@code forms} (5 UI: {@code fields}) and option lists. A 5 UI link field
 * pointing at the {@code dam} workspace or the {@code assets} app becomes {@code damLinkField}, one
 * pointing at {@code website} or the {@code pages} app becomes {@code pageLinkField}. For a switchable field,
 * {@code field} is its option selector and {@code properties} the fields of all its forms.
 */
final class FieldReader {

    private FieldReader() {
    }

    /** Fields from a 6 UI map keyed by name or a 5 UI list of fields with {@code name}. */
    static List<FieldDefinition> fields(Object value, String path, DefinitionContext context) {
        List<FieldDefinition> fields = new ArrayList<>();
        boolean isList = value instanceof List<?>;
        int index = 0;
        for (Map.Entry<String, Map<String, Object>> entry : Values.named(value).entrySet()) {
            String fieldPath = path + "." + (isList ? String.valueOf(index++) : entry.getKey());
            fields.add(field(entry.getKey(), entry.getValue(), fieldPath, context));
        }
        return fields;
    }

    static FieldDefinition field(String name, Map<String, Object> raw, String path, DefinitionContext context) {
        String type = type(raw, path, context);
        FieldDefinition field = null;
        Map<String, Object> sub = Values.map(raw, "field");
        if (!sub.isEmpty()) {
            field = field(Values.string(sub, "name", name), sub, path + ".field", context);
        }
        List<FieldDefinition> properties = new ArrayList<>(fields(raw.get("properties"), path + ".properties", context));
        if (!"switchableField".equals(type) || !raw.containsKey("forms")) {
            properties.addAll(fields(raw.get("fields"), path + ".fields", context));
        }
        int formIndex = 0;
        for (Map<String, Object> form : Values.named(raw.get("forms")).values()) {
            properties.addAll(fields(form.get("properties"), path + ".forms." + formIndex++ + ".properties", context));
        }
        Map<String, Object> datasource = Values.map(raw, "datasource");
        String workspace = Values.string(datasource, "workspace",
                Values.string(raw, "targetWorkspace", Values.string(raw, "workspace")));
        return new FieldDefinition(name, type, Values.string(raw, "label"), Values.string(raw, "description"),
                Values.bool(raw, "i18n", false), Values.bool(raw, "required", false), raw.get("defaultValue"),
                field, properties, options(raw, field), workspace, validators(raw.get("validators")), raw);
    }

    private static String type(Map<String, Object> raw, String path, DefinitionContext context) {
        String declared = Values.string(raw, "$type");
        if (declared != null) {
            return declared; // unknown 6 UI types are reported by the unsupported-class scan
        }
        String alias = Values.string(raw, "fieldType");
        String className = Values.string(raw, "class");
        Optional<String> type = alias != null ? FieldTypes.ofAlias(alias) : FieldTypes.ofClass(className);
        if (type.isEmpty()) {
            if (alias != null) {
                context.warning(path + ".fieldType", "unsupported: fieldType " + alias + "; read as textField");
            }
            // Magnolia's default field; an unknown class is reported by the unsupported-class scan
            return "textField";
        }
        if ("linkField".equals(type.get())) {
            String workspace = Values.string(raw, "targetWorkspace", "");
            String app = Values.string(raw, "appName", "");
            if (workspace.equals("dam") || app.equals("assets")) {
                return "damLinkField";
            }
            if (workspace.equals("website") || app.equals("pages")) {
                return "pageLinkField";
            }
        }
        if ("radioButtonGroupField".equals(type.get()) && Values.bool(raw, "multiselect", false)) {
            return "checkBoxGroupField";
        }
        return type.get();
    }

    /** Choices from a 6 UI option-list datasource, or 5 UI {@code options}; for a switchable field, its inner field's. */
    private static List<Map<String, Object>> options(Map<String, Object> raw, FieldDefinition inner) {
        Object value = Values.map(raw, "datasource").get("options");
        if (value == null) {
            value = raw.get("options");
        }
        List<Map<String, Object>> options = new ArrayList<>();
        Values.named(value).forEach((name, option) -> {
            Map<String, Object> choice = new LinkedHashMap<>();
            choice.put("name", name);
            choice.put("value", option.getOrDefault("value", name));
            choice.put("label", option.getOrDefault("label", option.getOrDefault("value", name)));
            options.add(choice);
        });
        if (options.isEmpty() && inner != null && raw.containsKey("forms")) {
            return inner.options();
        }
        return options;
    }

    /** Validators by name, from the 6 UI map or the 5 UI list. */
    private static Map<String, Object> validators(Object value) {
        Map<String, Object> validators = new LinkedHashMap<>();
        Values.named(value).forEach(validators::put);
        return validators;
    }
}
