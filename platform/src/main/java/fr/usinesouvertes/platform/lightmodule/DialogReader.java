package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DialogDefinition;
import fr.usinesouvertes.platform.definition.FieldDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads dialogs in both Magnolia styles: 6 UI ({@code form.properties} map, optional {@code form.layout}
 * tabs) and 5 UI ({@code form.tabs[].fields[]}). Without a layout, all fields go in one tab named
 * {@code main}. Fields are normalised by {@link FieldReader}.
 */
final class DialogReader {

    private DialogReader() {
    }

    static DialogDefinition read(Map<String, Object> raw, DefinitionContext context) {
        Map<String, Object> form = Values.map(raw, "form");
        String label = Values.string(raw, "label", Values.string(form, "label"));
        List<FieldDefinition> fields = new ArrayList<>();
        List<DialogDefinition.Tab> tabs = new ArrayList<>();
        if (form.containsKey("properties")) {
            FieldReader.fields(form.get("properties"), "form.properties", context).forEach(fields::add);
            tabs.addAll(layoutTabs(Values.map(form, "layout")));
        } else if (form.containsKey("tabs")) {
            int index = 0;
            for (Map<String, Object> tab : Values.named(form.get("tabs")).values()) {
                String path = "form.tabs." + (form.get("tabs") instanceof List<?> ? index : tab.get("name"));
                List<FieldDefinition> tabFields = FieldReader.fields(tab.get("fields"), path + ".fields", context);
                fields.addAll(tabFields);
                tabs.add(new DialogDefinition.Tab(String.valueOf(tab.get("name")), Values.string(tab, "label"),
                        tabFields.stream().map(FieldDefinition::name).toList()));
                index++;
            }
        } else if (!form.isEmpty()) {
            context.warning("form", "the form has neither 'properties' (6 UI) nor 'tabs' (5 UI): no fields");
        }
        if (tabs.isEmpty() && !fields.isEmpty()) {
            tabs.add(new DialogDefinition.Tab("main", label, fields.stream().map(FieldDefinition::name).toList()));
        }
        return new DialogDefinition(context.id(), label, fields, tabs, raw);
    }

    private static List<DialogDefinition.Tab> layoutTabs(Map<String, Object> layout) {
        List<DialogDefinition.Tab> tabs = new ArrayList<>();
        Values.named(layout.get("tabs")).forEach((name, tab) -> {
            List<String> names = new ArrayList<>();
            Object fields = tab.get("fields");
            if (fields instanceof List<?> list) {
                for (Object f : list) {
                    Object fieldName = f instanceof Map<?, ?> m ? m.get("name") : f;
                    if (fieldName != null) {
                        names.add(String.valueOf(fieldName));
                    }
                }
            } else {
                names.addAll(Values.named(fields).keySet());
            }
            tabs.add(new DialogDefinition.Tab(name, Values.string(tab, "label"), names));
        });
        return tabs;
    }
}
