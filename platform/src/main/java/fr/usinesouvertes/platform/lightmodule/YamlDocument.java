package fr.usinesouvertes.platform.lightmodule;

import java.util.Map;

/**
 * One definition file read into plain maps, lists and scalars, with {@code !include} resolved.
 *
 * @param root        the merged content (a map for every definition file)
 * @param directive   the root directive, e.g. {@code !inherit:mod:components/a} or
 *                    {@code !content-type:tour}, or {@code null}
 * @param lines       1-based line of each key of the file itself, by dotted path ({@code areas.main},
 *                    {@code form.tabs.0.fields.1})
 */
record YamlDocument(Map<String, Object> root, String directive, int directiveLine, Map<String, Integer> lines) {

    /** The line of a key, or of its nearest ancestor written in this file; 1 when none is known. */
    int line(String path) {
        String candidate = path;
        while (candidate != null && !candidate.isEmpty()) {
            Integer line = lines.get(candidate);
            if (line != null) {
                return line;
            }
            int dot = candidate.lastIndexOf('.');
            candidate = dot < 0 ? null : candidate.substring(0, dot);
        }
        return 1;
    }
}
