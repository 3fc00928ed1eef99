package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/**
 * What the form template ({@code admin-templates/authoring/form.ftlh}) shows: one map per field with its
 * input name and id, label, value(s), error, choices, language variants and sub-fields, plus the error
 * summary. Maps keep the template independent of how FreeMarker wraps Java objects.
 */
public final class FormView {

    /** Blank rows offered after the stored rows of a multi field, to add rows without JavaScript. */
    static final int BLANK_ROWS = 1;
    /** Blank inputs offered after the stored values of a multi-value field. */
    static final int BLANK_VALUES = 2;

    private final FormValues values;
    private final Map<String, FieldError> errors = new LinkedHashMap<>();
    private final Map<String, FieldNotice> notices = new LinkedHashMap<>();
    private final Session session;
    private final String lang;

    private FormView(FormValues values, List<FieldError> errors, List<FieldNotice> notices, Session session,
                     String lang) {
        this.values = values;
        errors.forEach(e -> this.errors.putIfAbsent(e.field(), e));
        notices.forEach(n -> this.notices.putIfAbsent(n.field(), n));
        this.session = session;
        this.lang = lang;
    }

    /**
     * The model of a form: {@code fields} (list of field maps), {@code errors} (summary entries with
     * {@code id}, {@code label}, {@code message}), {@code label}.
     */
    public static Map<String, Object> of(Form form, FormValues values, List<FieldError> errors, Session session,
                                         String lang) throws RepositoryException {
        return of(form, values, errors, List.of(), session, lang);
    }

    /** As {@link #of(Form, FormValues, List, Session, String)}, with notices shown next to their fields. */
    public static Map<String, Object> of(Form form, FormValues values, List<FieldError> errors,
                                         List<FieldNotice> notices, Session session, String lang)
            throws RepositoryException {
        FormView view = new FormView(values, errors, notices, session, lang);
        List<Map<String, Object>> fields = new ArrayList<>();
        for (FormField field : form.fields()) {
            fields.add(view.field(field, ""));
        }
        List<Map<String, Object>> summary = new ArrayList<>();
        for (FieldError error : errors) {
            summary.add(Map.of("id", id(error.field()), "label", error.label(), "message", error.message(lang)));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("label", form.label() == null ? "" : form.label());
        model.put("fields", fields);
        model.put("errors", summary);
        model.put("richText", hasRichText(form.fields()));
        return model;
    }

    /** Whether a rich-text field is among {@code fields} or their sub-fields (the page then loads the editor). */
    static boolean hasRichText(List<FormField> fields) {
        for (FormField field : fields) {
            if (field.kind() == FieldKind.RICH_TEXT || hasRichText(field.children())
                    || (field.item() != null && hasRichText(List.of(field.item())))) {
                return true;
            }
        }
        return false;
    }

    /** The HTML id of an input: its name with dots made safe. */
    public static String id(String name) {
        return "f-" + name.replace('.', '-');
    }

    private Map<String, Object> field(FormField field, String prefix) throws RepositoryException {
        String name = prefix + field.name();
        Map<String, Object> view = base(field, name);
        switch (field.kind()) {
            case COMPOSITE -> view.put("children", children(field.children(), name + "."));
            case SWITCHABLE -> {
                view.put("name", name + ".field");
                view.put("id", id(name + ".field"));
                view.put("value", values.first(name + ".field"));
                view.put("options", options(field.options(), List.of(values.first(name + ".field"))));
                view.put("error", message(name + ".field"));
                List<Map<String, Object>> forms = new ArrayList<>();
                for (Option option : field.options()) {
                    List<String> shown = field.switchForms().getOrDefault(option.value(), List.of());
                    List<FormField> subFields = field.children().stream().filter(c -> shown.contains(c.name())).toList();
                    forms.add(Map.of("value", option.value(), "label", option.label(),
                            "fields", children(subFields, name + ".")));
                }
                view.put("forms", forms);
            }
            case MULTI_FIELD -> view.put("rows", rows(field, name));
            case MULTI_VALUE -> {
                List<String> all = new ArrayList<>(values.all(name));
                for (int i = 0; i < BLANK_VALUES; i++) {
                    all.add("");
                }
                FormField item = field.item();
                view.put("values", all);
                view.put("item", base(item, name));
                if (item.kind() != FieldKind.SELECT) {
                    view.put("choices", choices(item));
                }
                ((Map<String, Object>) view.get("item")).put("options", options(item.options(), List.of()));
            }
            case CHECKBOX_GROUP -> view.put("options", options(field.options(), values.all(name)));
            default -> {
                view.put("value", values.first(name));
                view.put("options", options(field.options(), List.of(values.first(name))));
                view.put("choices", choices(field));
                if (field.i18n()) {
                    List<Map<String, Object>> languages = new ArrayList<>();
                    for (String language : Form.OTHER_LANGUAGES) {
                        String other = name + "_" + language;
                        languages.add(Map.of("lang", language, "name", other, "id", id(other),
                                "value", values.first(other), "error", message(other), "notice", notice(other)));
                    }
                    view.put("languages", languages);
                }
            }
        }
        return view;
    }

    private Map<String, Object> base(FormField field, String name) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", name);
        view.put("id", id(name));
        view.put("kind", field.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        view.put("label", field.displayLabel());
        view.put("description", field.description() == null ? "" : field.description());
        view.put("required", field.required());
        view.put("maxLength", field.maxLength() == null ? 0 : field.maxLength());
        view.put("multiline", field.rows() > 1);
        view.put("rowCount", field.rows());
        view.put("time", field.time());
        view.put("number", field.valueType() != ValueType.STRING);
        view.put("error", message(name));
        view.put("notice", notice(name));
        view.put("value", "");
        view.put("options", List.of());
        view.put("choices", List.of());
        view.put("languages", List.of());
        return view;
    }

    private List<Map<String, Object>> children(List<FormField> fields, String prefix) throws RepositoryException {
        List<Map<String, Object>> children = new ArrayList<>();
        for (FormField child : fields) {
            children.add(field(child, prefix));
        }
        return children;
    }

    private List<Map<String, Object>> rows(FormField field, String name) throws RepositoryException {
        List<Integer> sent = values.rows(name + ".");
        int next = sent.isEmpty() ? 0 : sent.get(sent.size() - 1) + 1;
        List<Integer> indexes = new ArrayList<>(sent);
        for (int i = 0; i < BLANK_ROWS; i++) {
            indexes.add(next + i);
        }
        List<FormField> fields = field.item().kind() == FieldKind.COMPOSITE ? field.item().children() : List.of(field.item());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int index : indexes) {
            String rowPrefix = name + "." + index + ".";
            rows.add(Map.of("index", index, "number", rows.size() + 1, "blank", index >= next,
                    "deleteName", rowPrefix + FormValues.DELETE, "deleteId", id(rowPrefix + FormValues.DELETE),
                    "fields", children(fields, rowPrefix)));
        }
        return rows;
    }

    private List<Map<String, Object>> options(List<Option> options, List<String> selected) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Option option : options) {
            result.add(Map.of("value", option.value(), "label", option.label(), "selected",
                    selected.contains(option.value())));
        }
        return result;
    }

    private List<Map<String, Object>> choices(FormField field) throws RepositoryException {
        List<Map<String, Object>> result = new ArrayList<>();
        for (FieldChoices.Choice choice : FieldChoices.of(field, session)) {
            result.add(Map.of("value", choice.value(), "label", choice.label(),
                    "thumbnail", choice.thumbnail() == null ? "" : choice.thumbnail()));
        }
        return result;
    }

    private String notice(String name) {
        FieldNotice notice = notices.get(name);
        return notice == null ? "" : notice.message(lang);
    }

    private String message(String name) {
        FieldError error = errors.get(name);
        return error == null ? "" : error.message(lang);
    }
}
