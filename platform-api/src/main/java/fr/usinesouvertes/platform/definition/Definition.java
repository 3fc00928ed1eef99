package fr.usinesouvertes.platform.definition;

import java.util.Map;

/**
 * Any loaded definition: its id ({@code module:path/inside/type/folder}), type, source file and the
 * merged YAML after {@code !include}, {@code !inherit} and decorations. The typed definitions
 * ({@link TemplateDefinition}, {@link DeliveryEndpointDefinition}, ...) are read from it.
 */
public record Definition(String id, DefinitionType type, String source, Map<String, Object> properties) {

    public String module() {
        return id.substring(0, id.indexOf(':'));
    }

    /** The id's path part, e.g. {@code pages/home} for {@code usines-ouvertes:pages/home}. */
    public String path() {
        return id.substring(id.indexOf(':') + 1);
    }
}
