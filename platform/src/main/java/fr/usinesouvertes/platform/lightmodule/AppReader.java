package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.AppDefinition;
import java.util.Map;

/**
 * Reads apps. With {@code !content-type:<name>} the app is generated from that content type and the keys
 * written in the file are its overrides; a plain app has no content type and its keys are kept the same way.
 */
final class AppReader {

    static final String DIRECTIVE = "!content-type:";

    private AppReader() {
    }

    static AppDefinition read(Map<String, Object> raw, String contentType, DefinitionContext context) {
        String path = context.id().substring(context.id().indexOf(':') + 1);
        String name = Values.string(raw, "name", path.substring(path.lastIndexOf('/') + 1));
        return new AppDefinition(context.id(), name, Values.string(raw, "label"), Values.string(raw, "icon"),
                contentType, raw);
    }
}
