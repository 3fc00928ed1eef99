package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.definition.AppDefinition;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DialogDefinition;
import fr.usinesouvertes.platform.definition.FieldDefinition;
import fr.usinesouvertes.platform.lightmodule.DialogFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds forms from dialogs and from content types (with their app's overrides). */
public final class Forms {

    private Forms() {
    }

    /** The form of a dialog: its fields in definition order, with their literal labels. */
    public static Form fromDialog(DialogDefinition dialog) {
        return fromDialog(dialog, FormLabels.none());
    }

    /** The form of a dialog, its labels and descriptions looked up by {@code labels} (see {@link FormLabels}). */
    public static Form fromDialog(DialogDefinition dialog, FormLabels labels) {
        List<String> prefixes = List.of(FormLabels.dialogPrefix(dialog.id()));
        List<FormField> fields = new ArrayList<>();
        for (FieldDefinition definition : dialog.fields()) {
            String tab = dialog.tabs().stream().filter(t -> t.fieldNames().contains(definition.name()))
                    .map(DialogDefinition.Tab::name).findFirst().orElse(null);
            fields.add(labels.resolve(field(definition), prefixes, tab));
        }
        return new Form(labels.literal(dialog.label()), List.copyOf(fields));
    }

    /**
     * The form of a content type's items: one field per model property, replaced or completed by the
     * fields the app declares under {@code subApps.detail.form.properties}.
     *
     * @param workspaceOfType the workspace of another content type, for {@code reference:<type>} properties
     */
    public static Form fromContentType(ContentTypeDefinition type, AppDefinition app,
                                       Function<String, Optional<String>> workspaceOfType) {
        return fromContentType(type, app, workspaceOfType, FormLabels.none());
    }

    /**
     * As {@link #fromContentType(ContentTypeDefinition, AppDefinition, Function)}, the labels and descriptions
     * looked up by {@code labels} under the app's name (the content type's without an app; see {@link FormLabels}).
     */
    public static Form fromContentType(ContentTypeDefinition type, AppDefinition app,
                                       Function<String, Optional<String>> workspaceOfType, FormLabels labels) {
        Map<String, FormField> fields = new LinkedHashMap<>();
        for (ContentTypeDefinition.Property property : type.properties()) {
            fields.put(property.name(), property(property, type, workspaceOfType));
        }
        if (app != null) {
            Object overrides = path(app.overrides(), "subApps", "detail", "form", "properties");
            if (overrides != null) {
                for (FieldDefinition definition : DialogFields.read(overrides, app.id())) {
                    FormField previous = fields.get(definition.name());
                    FormField field = field(definition);
                    if (previous != null && !field.required() && previous.required()) {
                        field = withRequired(field);
                    }
                    fields.put(definition.name(), field);
                }
            }
        }
        String label = app != null && app.label() != null ? app.label() : type.name();
        String appName = app != null && app.name() != null ? app.name() : type.name();
        List<String> prefixes = List.of(appName + ".detail", appName);
        return new Form(labels.literal(label), fields.values().stream()
                .map(f -> labels.resolve(f, prefixes, null)).toList());
    }

    static FormField field(FieldDefinition definition) {
        FieldKind kind = FieldKind.of(definition.type());
        Map<String, Object> raw = definition.raw() == null ? Map.of() : definition.raw();
        FormField item = definition.field() == null ? null : field(definition.field());
        if (item == null && (kind == FieldKind.MULTI_VALUE || kind == FieldKind.MULTI_FIELD)) {
            item = simple(definition.name(), FieldKind.TEXT, null, false, false, ValueType.STRING, null, false);
        }
        List<Option> options = definition.options().stream()
                .map(o -> new Option(String.valueOf(o.get("value")), String.valueOf(o.get("label")))).toList();
        String workspace = switch (kind) {
            case PAGE_LINK -> "website";
            case ASSET_LINK -> "dam";
            default -> definition.workspace();
        };
        if (kind == FieldKind.LINK && "website".equals(workspace)) {
            kind = FieldKind.PAGE_LINK;
        } else if (kind == FieldKind.LINK && "dam".equals(workspace)) {
            kind = FieldKind.ASSET_LINK;
        }
        Validators validators = Validators.of(definition.validators());
        Object defaultValue = definition.defaultValue();
        return new FormField(definition.name(), kind, definition.label(), definition.description(),
                definition.i18n(), definition.required(), integer(raw.get("maxLength")),
                Math.max(1, Optional.ofNullable(integer(raw.get("rows"))).orElse(1)),
                Boolean.TRUE.equals(raw.get("time")) || "true".equals(String.valueOf(raw.get("time"))),
                ValueType.of(raw.get("type") == null ? null : String.valueOf(raw.get("type"))), options, workspace,
                item, definition.properties().stream().map(Forms::field).toList(),
                kind == FieldKind.SWITCHABLE ? switchForms(raw.get("forms")) : Map.of(), validators.pattern(),
                validators.email(), validators.message(), defaultValue == null ? null : String.valueOf(defaultValue));
    }

    private static FormField property(ContentTypeDefinition.Property property, ContentTypeDefinition type,
                                      Function<String, Optional<String>> workspaceOfType) {
        String declared = property.type() == null ? "String" : property.type();
        Optional<ContentTypeDefinition.SubModel> subModel = type.subModels().stream()
                .filter(s -> s.name().equals(declared)).findFirst();
        Object label = property.raw() == null ? null : property.raw().get("label");
        String text = label == null ? null : String.valueOf(label);
        if (subModel.isPresent()) {
            List<FormField> children = subModel.get().properties().stream()
                    .map(p -> property(p, type, workspaceOfType)).toList();
            FormField composite = new FormField(property.name(), FieldKind.COMPOSITE, text, null, false, false,
                    null, 1, false, ValueType.STRING, List.of(), null, null, children, Map.of(), null, false, null, null);
            if (!property.multiple()) {
                return composite;
            }
            return new FormField(property.name(), FieldKind.MULTI_FIELD, text, null, false, property.required(),
                    null, 1, false, ValueType.STRING, List.of(), null, composite, List.of(), Map.of(), null, false,
                    null, null);
        }
        FormField single = switch (declared) {
            case "richText" -> simple(property.name(), FieldKind.RICH_TEXT, text, property.i18n(), property.required(),
                    ValueType.STRING, null, false);
            case "Date" -> simple(property.name(), FieldKind.DATE, text, false, property.required(), ValueType.STRING,
                    null, true);
            case "Boolean" -> simple(property.name(), FieldKind.CHECKBOX, text, false, false, ValueType.STRING, null,
                    false);
            case "Long", "Double", "Decimal" -> simple(property.name(), FieldKind.TEXT, text, false,
                    property.required(), ValueType.of(declared), null, false);
            case "asset" -> simple(property.name(), FieldKind.ASSET_LINK, text, false, property.required(),
                    ValueType.STRING, "dam", false);
            case "String" -> simple(property.name(), FieldKind.TEXT, text, property.i18n(), property.required(),
                    ValueType.STRING, null, false);
            default -> reference(property, text, declared, workspaceOfType);
        };
        if (!property.multiple()) {
            return single;
        }
        return new FormField(property.name(), FieldKind.MULTI_VALUE, text, null, false, property.required(), null, 1,
                false, ValueType.STRING, List.of(), null, single, List.of(), Map.of(), null, false, null, null);
    }

    private static FormField reference(ContentTypeDefinition.Property property, String label, String declared,
                                       Function<String, Optional<String>> workspaceOfType) {
        String target = declared.startsWith("reference:") ? declared.substring("reference:".length()) : declared;
        if (target.equals("page")) {
            return simple(property.name(), FieldKind.PAGE_LINK, label, false, property.required(), ValueType.STRING,
                    "website", false);
        }
        Optional<String> workspace = workspaceOfType.apply(target);
        if (workspace.isEmpty()) {
            return simple(property.name(), FieldKind.TEXT, label, property.i18n(), property.required(),
                    ValueType.STRING, null, false);
        }
        return simple(property.name(), FieldKind.LINK, label, false, property.required(), ValueType.STRING,
                workspace.get(), false);
    }

    private static FormField simple(String name, FieldKind kind, String label, boolean i18n, boolean required,
                                    ValueType valueType, String workspace, boolean time) {
        return new FormField(name, kind, label, null, i18n, required, null, 1, time, valueType, List.of(), workspace,
                null, List.of(), Map.of(), null, false, null, null);
    }

    private static FormField withRequired(FormField f) {
        return new FormField(f.name(), f.kind(), f.label(), f.description(), f.i18n(), true, f.maxLength(), f.rows(),
                f.time(), f.valueType(), f.options(), f.workspace(), f.item(), f.children(), f.switchForms(),
                f.pattern(), f.email(), f.patternMessage(), f.defaultValue());
    }

    /** Option value to the names of the sub-fields its form shows, from {@code forms} (list or map). */
    private static Map<String, List<String>> switchForms(Object forms) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (forms instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> form && form.get("name") != null) {
                    result.put(String.valueOf(form.get("name")), names(form.get("properties"), form.get("fields")));
                }
            }
        } else if (forms instanceof Map<?, ?> map) {
            map.forEach((name, form) -> {
                if (form instanceof Map<?, ?> f) {
                    result.put(String.valueOf(name), names(f.get("properties"), f.get("fields")));
                }
            });
        }
        return result;
    }

    private static List<String> names(Object properties, Object fields) {
        Object value = properties != null ? properties : fields;
        List<String> names = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> names.add(String.valueOf(k)));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> field && field.get("name") != null) {
                    names.add(String.valueOf(field.get("name")));
                }
            }
        }
        return names;
    }

    private static Object path(Map<String, Object> map, String... keys) {
        Object current = map;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    private static Integer integer(Object value) {
        if (value instanceof Number number) {
            return number.intValue();
        }
        try {
            return value == null ? null : Integer.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The validators of a field the engine applies: e-mail and regular expression. */
    private record Validators(Pattern pattern, boolean email, String message) {

        static Validators of(Map<String, Object> validators) {
            Pattern pattern = null;
            boolean email = false;
            String message = null;
            for (Map.Entry<String, Object> entry : validators.entrySet()) {
                if (!(entry.getValue() instanceof Map<?, ?> validator)) {
                    continue;
                }
                String type = String.valueOf(validator.get("$type") != null ? validator.get("$type")
                        : validator.get("class") != null ? validator.get("class") : entry.getKey());
                Object errorMessage = validator.get("errorMessage");
                if (type.toLowerCase(java.util.Locale.ROOT).contains("email")) {
                    email = true;
                    message = errorMessage == null ? message : String.valueOf(errorMessage);
                } else if (type.toLowerCase(java.util.Locale.ROOT).contains("regexp") && validator.get("pattern") != null) {
                    try {
                        pattern = Pattern.compile(String.valueOf(validator.get("pattern")));
                        message = errorMessage == null ? message : String.valueOf(errorMessage);
                    } catch (PatternSyntaxException e) {
                        pattern = null; // a broken pattern must not block editing; the loader reports definitions
                    }
                }
            }
            return new Validators(pattern, email, message);
        }
    }
}
