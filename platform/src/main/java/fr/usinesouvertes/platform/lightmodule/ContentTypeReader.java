package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads content types: {@code datasource} (workspace, rootPath, namespaces, autoCreate) and {@code model}
 * (nodeType, properties and subModels, each in list form or in map form keyed by name). A content type
 * without a valid workspace cannot store anything and is not loaded.
 */
final class ContentTypeReader {

    private static final Pattern WORKSPACE = Pattern.compile("[a-zA-Z][a-zA-Z0-9_-]*");

    private ContentTypeReader() {
    }

    /** The content type, or {@code null} (with an error reported) when it has no usable workspace. */
    static ContentTypeDefinition read(Map<String, Object> raw, DefinitionContext context) {
        Map<String, Object> datasource = Values.map(raw, "datasource");
        Map<String, Object> model = Values.map(raw, "model");
        String name = context.id().substring(context.id().indexOf(':') + 1);
        name = name.substring(name.lastIndexOf('/') + 1);
        String workspace = Values.string(datasource, "workspace");
        if (workspace == null || !WORKSPACE.matcher(workspace).matches()
                || List.of("jcr:system", "oak:index", "rep:security").contains(workspace)) {
            context.error("datasource.workspace", workspace == null ? "datasource.workspace is required"
                    : "'" + workspace + "' is not a valid workspace name");
            return null;
        }
        Map<String, String> namespaces = new LinkedHashMap<>();
        Values.map(datasource, "namespaces").forEach((k, v) -> namespaces.put(k, String.valueOf(v)));
        List<ContentTypeDefinition.SubModel> subModels = new ArrayList<>();
        Values.named(model.get("subModels")).forEach((subName, sub) ->
                subModels.add(new ContentTypeDefinition.SubModel(subName, properties(sub.get("properties")))));
        return new ContentTypeDefinition(context.id(), name, workspace, Values.string(datasource, "rootPath", "/"),
                Values.string(model, "nodeType", "mgnl:contentNode"), Values.bool(datasource, "autoCreate", false),
                namespaces, properties(model.get("properties")), subModels, raw);
    }

    private static List<ContentTypeDefinition.Property> properties(Object value) {
        List<ContentTypeDefinition.Property> properties = new ArrayList<>();
        Values.named(value).forEach((name, p) -> properties.add(new ContentTypeDefinition.Property(name,
                Values.string(p, "type", "String"), Values.bool(p, "required", false), Values.bool(p, "i18n", false),
                Values.bool(p, "multiple", false), p)));
        return properties;
    }
}
