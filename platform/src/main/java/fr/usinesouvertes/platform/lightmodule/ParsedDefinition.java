package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DefinitionType;

/** A definition file as read, before {@code !inherit} and decorations. */
record ParsedDefinition(String id, DefinitionType type, String source, YamlDocument document) {

    /** Ids are unique per type only: a page template and its dialog are both {@code module:pages/home}. */
    static String key(DefinitionType type, String id) {
        return type.folder() + "|" + id;
    }

    String key() {
        return key(type, id);
    }
}
