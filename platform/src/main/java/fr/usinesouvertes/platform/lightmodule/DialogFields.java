package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads dialog fields found outside a dialog file (an app's {@code subApps.detail.form.properties}
 * overrides) with the same rules as dialogs; problems are ignored here, they were reported when the
 * definition loaded.
 */
public final class DialogFields {

    private DialogFields() {
    }

    /** Fields from a 6 UI map keyed by name or a 5 UI list of fields with {@code name}. */
    public static List<FieldDefinition> read(Object value, String definitionId) {
        DefinitionContext context = new DefinitionContext(definitionId, definitionId,
                new YamlDocument(Map.of(), null, 0, Map.of()), new ArrayList<>());
        return FieldReader.fields(value, "form.properties", context);
    }
}
