package fr.usinesouvertes.platform.module;

import java.util.List;
import java.util.Objects;

/**
 * What a Java module is: its name, version, the modules it needs, and where its definitions are.
 *
 * @param lightModuleRoot classpath folder holding definitions in light-module layout
 *                        ({@code templates/}, {@code contentTypes/}, {@code restEndpoints/}, ...), or
 *                        {@code null}; they load as a light module named after this module
 */
public record ModuleDescriptor(String name, String version, List<Dependency> dependencies, String lightModuleRoot) {

    public ModuleDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        dependencies = List.copyOf(dependencies);
    }

    public static ModuleDescriptor of(String name, String version, Dependency... dependencies) {
        return new ModuleDescriptor(name, version, List.of(dependencies), null);
    }

    public ModuleDescriptor withLightModuleRoot(String root) {
        return new ModuleDescriptor(name, version, dependencies, root);
    }

    /**
     * A module this one needs started first.
     *
     * @param versionRange Magnolia's syntax: {@code 1.2}, {@code 1.2/2.0}, or {@code *}
     */
    public record Dependency(String name, String versionRange, boolean optional) {

        public static Dependency on(String name) {
            return new Dependency(name, "*", false);
        }
    }
}
