package fr.usinesouvertes.platform.publishing;

import fr.usinesouvertes.platform.definition.ContentTypeDefinition;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which workspaces are under publishing: {@code website}, {@code dam} and the workspaces of the content
 * types of light modules, except those of Java modules' class-path light modules (the events module's
 * companies, sites, event sheets and editions have their own moderation and are public as they are).
 */
public final class PublishableWorkspaces {

    /** The built-in editorial workspaces. */
    public static final Set<String> BUILT_IN = Set.of("website", "dam");

    private PublishableWorkspaces() {
    }

    /** The workspaces under publishing for these definitions; {@code javaModules} are the Java modules' names. */
    public static Set<String> of(DefinitionRegistry registry, Collection<String> javaModules) {
        Set<String> workspaces = new LinkedHashSet<>(BUILT_IN);
        for (ContentTypeDefinition contentType : registry.contentTypes()) {
            String module = contentType.id().contains(":")
                    ? contentType.id().substring(0, contentType.id().indexOf(':')) : "";
            if (!javaModules.contains(module)) {
                workspaces.add(contentType.workspace());
            }
        }
        return workspaces;
    }
}
