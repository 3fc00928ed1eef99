package fr.usinesouvertes.platform.definition;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of definitions a light module holds, each read from the folder of the same name. */
public enum DefinitionType {
    TEMPLATE("templates"),
    DIALOG("dialogs"),
    CONTENT_TYPE("contentTypes"),
    APP("apps"),
    REST_ENDPOINT("restEndpoints"),
    BLOCK("blocks"),
    MESSAGE_VIEW("messageViews"),
    SITE("sites"),
    THEME("themes"),
    VIRTUAL_URI_MAPPING("virtualUriMappings"),
    WEBHOOK("webhooks"),
    /** Magnolia's declarative REST clients ({@code baseUrl}, {@code restCalls}): what webhooks name to call. */
    REST_CLIENT("restClients");

    private final String folder;

    DefinitionType(String folder) {
        this.folder = folder;
    }

    /** The folder name inside a light module, as Magnolia spells it. */
    public String folder() {
        return folder;
    }

    public static Optional<DefinitionType> ofFolder(String folder) {
        return Arrays.stream(values()).filter(t -> t.folder.equals(folder)).findFirst();
    }
}
