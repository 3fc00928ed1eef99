package fr.usinesouvertes.platform.admin.authoring.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A form's values as the browser sends them: parameter name to values, plus uploaded files. Names
 * follow the fields: {@code title}, {@code title_en}, {@code address.street} (composite),
 * {@code dates.0.label} (row 0 of a multi field), {@code chooser.field} (switchable option); a
 * multi-value field repeats its name.
 */
public final class FormValues {

    /** Marks a row of a multi field to drop: {@code dates.1._delete=on}. */
    public static final String DELETE = "_delete";

    private final Map<String, List<String>> parameters = new LinkedHashMap<>();
    private final Map<String, UploadedFile> files = new LinkedHashMap<>();

    /** Values from request parameters ({@code ServletRequest.getParameterMap()}). */
    public static FormValues of(Map<String, String[]> parameters) {
        FormValues values = new FormValues();
        parameters.forEach((name, array) -> values.parameters.put(name, List.of(array)));
        return values;
    }

    public static FormValues empty() {
        return new FormValues();
    }

    public FormValues set(String name, String value) {
        parameters.put(name, value == null ? List.of() : List.of(value));
        return this;
    }

    public FormValues set(String name, List<String> values) {
        parameters.put(name, List.copyOf(values));
        return this;
    }

    public FormValues file(String name, UploadedFile file) {
        files.put(name, file);
        return this;
    }

    /** The first value of a parameter, trimmed; empty when absent. */
    public String first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? "" : values.get(0).trim();
    }

    /** Every non-blank value of a parameter, trimmed, in order. */
    public List<String> all(String name) {
        List<String> result = new ArrayList<>();
        for (String value : parameters.getOrDefault(name, List.of())) {
            if (value != null && !value.isBlank()) {
                result.add(value.trim());
            }
        }
        return result;
    }

    public boolean has(String name) {
        return parameters.containsKey(name);
    }

    public UploadedFile fileOf(String name) {
        return files.get(name);
    }

    /** The row numbers sent for a multi field whose parameters start with {@code prefix} (e.g. {@code dates.}). */
    public List<Integer> rows(String prefix) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String name : parameters.keySet()) {
            if (name.startsWith(prefix)) {
                String rest = name.substring(prefix.length());
                int dot = rest.indexOf('.');
                String index = dot < 0 ? rest : rest.substring(0, dot);
                if (!index.isEmpty() && index.length() < 5 && index.chars().allMatch(Character::isDigit)) {
                    rows.add(Integer.parseInt(index));
                }
            }
        }
        return List.copyOf(rows);
    }

    /** Whether any parameter below {@code prefix} has a non-blank value (an empty row is ignored). */
    public boolean anyValueUnder(String prefix) {
        return parameters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && !e.getKey().endsWith("." + DELETE))
                .anyMatch(e -> e.getValue().stream().anyMatch(v -> v != null && !v.isBlank()))
                || files.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    public Map<String, List<String>> asMap() {
        return java.util.Collections.unmodifiableMap(parameters);
    }
}
