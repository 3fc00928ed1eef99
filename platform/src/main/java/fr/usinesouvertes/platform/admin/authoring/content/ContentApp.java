package fr.usinesouvertes.platform.admin.authoring.content;

import fr.usinesouvertes.platform.admin.authoring.form.Form;
import fr.usinesouvertes.platform.admin.authoring.form.FormLabels;
import fr.usinesouvertes.platform.admin.authoring.form.Forms;
import fr.usinesouvertes.platform.definition.AppDefinition;
import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content app of the back office: the items of one content type, edited through the form generated
 * from the type and the app's overrides. Light-module apps give their name and label; a content type
 * with no app (e.g. from a Java module) gets an app named after it.
 */
public record ContentApp(String name, String label, ContentTypeDefinition type, AppDefinition app) {

    /**
     * The app's label in the back office's language: its {@code label} looked up as a message key (Magnolia's
     * convention), else Magnolia's generated key {@code <app>.label}, else the label as written.
     */
    public String label(DefinitionRegistry registry, String language) {
        String found = registry.messages().lookup(language, label);
        if (found == null && (app == null || app.label() == null)) {
            found = registry.messages().lookup(language, name + ".label");
        }
        return found != null ? found : label;
    }

    /** Every content app, light-module apps first, in definition order. */
    public static List<ContentApp> all(DefinitionRegistry registry) {
        Map<String, ContentApp> apps = new LinkedHashMap<>();
        for (AppDefinition app : registry.apps()) {
            if (app.contentType() == null) {
                continue;
            }
            registry.contentType(qualified(app)).or(() -> registry.contentType(app.contentType())).ifPresent(type ->
                    apps.putIfAbsent(app.name(), new ContentApp(app.name(), app.label() == null ? app.name() : app.label(), type, app)));
        }
        List<String> covered = new ArrayList<>(apps.values().stream().map(a -> a.type().id()).toList());
        for (ContentTypeDefinition type : registry.contentTypes()) {
            if (!covered.contains(type.id()) && !apps.containsKey(type.name())) {
                apps.put(type.name(), new ContentApp(type.name(), type.name(), type, null));
            }
        }
        return List.copyOf(apps.values());
    }

    public static Optional<ContentApp> named(DefinitionRegistry registry, String name) {
        return all(registry).stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** The form of the app's items, with the definitions' literal labels. */
    public Form form(DefinitionRegistry registry) {
        return Forms.fromContentType(type, app, other -> registry.contentType(other).map(ContentTypeDefinition::workspace));
    }

    /** The form of the app's items, labelled in {@code lang} from the light modules' messages. */
    public Form form(DefinitionRegistry registry, String lang) {
        return Forms.fromContentType(type, app, other -> registry.contentType(other).map(ContentTypeDefinition::workspace),
                FormLabels.of(registry.messages(), lang));
    }

    /** The workspace the items live in. */
    public String workspace() {
        return type.workspace();
    }

    /** The node type of an item. */
    public String nodeType() {
        return type.nodeType() == null ? "mgnl:contentNode" : type.nodeType();
    }

    private static String qualified(AppDefinition app) {
        String module = app.id().substring(0, app.id().indexOf(':'));
        return module + ":" + app.contentType();
    }
}
