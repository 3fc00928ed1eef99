package fr.usinesouvertes.platform.lightmodule;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where light modules come from: each sub-folder of the light-modules folder is a module, and each Java
 * module may ship one more on the class path (its descriptor's {@code lightModuleRoot}). A folder module
 * wins over a class-path module of the same name, so a site can override a plugin's definitions.
 *
 * @param folder         the light-modules folder (may not exist: then only class-path modules load); kept
 *                       absolute and normalised, so that containment checks ({@code startsWith}) on the
 *                       files below it hold whatever form the setting was written in
 * @param classpathRoots module name to class-path folder, e.g. {@code events -> light-modules/events}
 */
public record LightModuleOrigins(Path folder, Map<String, String> classpathRoots) {

    public LightModuleOrigins {
        folder = folder.toAbsolutePath().normalize();
        classpathRoots = Map.copyOf(classpathRoots);
    }
}
