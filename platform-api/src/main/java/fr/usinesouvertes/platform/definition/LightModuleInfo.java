package fr.usinesouvertes.platform.definition;

import java.util.Map;

/**
 * A loaded light module (a folder, or a Java module's resources in light-module layout).
 *
 * @param origin        the folder, or {@code classpath:<root>} for definitions shipped in a Java module
 * @param version       from {@code module.yaml}, or {@code null} when there is no descriptor
 * @param dependencies  module name to version range, as written in {@code module.yaml}
 */
public record LightModuleInfo(String name, String origin, String version, Map<String, String> dependencies) {
}
