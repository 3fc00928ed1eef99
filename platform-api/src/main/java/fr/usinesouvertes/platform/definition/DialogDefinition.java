package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Map;

/**
 * A dialog: its fields in display order and the tabs grouping them (one implicit tab when the
 * dialog has no layout).
 */
public record DialogDefinition(String id, String label, List<FieldDefinition> fields, List<Tab> tabs,
                               Map<String, Object> properties) {

    /** A tab of the form: a label and the names of the fields it shows. */
    public record Tab(String name, String label, List<String> fieldNames) {
    }
}
