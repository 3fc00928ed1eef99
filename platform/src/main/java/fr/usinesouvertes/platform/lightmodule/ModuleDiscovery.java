package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.LightModuleInfo;
import fr.usinesouvertes.platform.definition.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the light modules: the class-path modules of Java modules first, then every sub-folder of the
 * light-modules folder (hidden folders excepted), a folder replacing a class-path module of the same name.
 * Also reads each module's optional {@code module.yaml}.
 */
final class ModuleDiscovery {

    private ModuleDiscovery() {
    }

    static Map<String, ModuleSource> discover(LightModuleOrigins origins, ClassLoader classLoader) throws IOException {
        Map<String, ModuleSource> modules = new LinkedHashMap<>();
        origins.classpathRoots().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                modules.put(e.getKey(), new ClasspathModuleSource(e.getKey(), e.getValue(), classLoader)));
        Path folder = origins.folder();
        if (folder != null && Files.isDirectory(folder)) {
            try (Stream<Path> children = Files.list(folder)) {
                for (Path child : children.filter(Files::isDirectory).sorted().toList()) {
                    String name = child.getFileName().toString();
                    if (!name.startsWith(".")) {
                        modules.remove(name); // re-inserted last: the folder wins
                        modules.put(name, new FolderModuleSource(child));
                    }
                }
            }
        }
        return modules;
    }

    /** The module's descriptor; a broken {@code module.yaml} is a problem, and the module loads without it. */
    static LightModuleInfo describe(ModuleSource module, YamlReader reader, List<Problem> problems) {
        String source = module.sourceOf("module.yaml");
        try {
            Optional<String> text = module.read("module.yaml");
            if (text.isEmpty()) {
                return new LightModuleInfo(module.name(), module.origin(), null, Map.of());
            }
            Map<String, Object> descriptor = reader.read(source, text.get()).root();
            Map<String, Object> stripped = YamlMerge.mergeMaps(Map.of(), descriptor);
            return new LightModuleInfo(module.name(), module.origin(), Values.string(stripped, "version"),
                    dependencies(stripped.get("dependencies")));
        } catch (DefinitionException e) {
            problems.add(Problem.error(e.source(), e.line(), null, e.getMessage()));
        } catch (IOException e) {
            problems.add(Problem.error(source, 0, null, "cannot read: " + e.getMessage()));
        }
        return new LightModuleInfo(module.name(), module.origin(), null, Map.of());
    }

    /** Module name to version range ({@code *} when none), from the map form or a list of {@code {name, version}}. */
    private static Map<String, String> dependencies(Object value) {
        Map<String, String> dependencies = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> dependencies.put(String.valueOf(k), v instanceof Map<?, ?> m && m.get("version") != null
                    ? String.valueOf(m.get("version")) : v == null || v instanceof Map<?, ?> ? "*" : String.valueOf(v)));
        } else {
            Values.named(value).forEach((name, dep) -> dependencies.put(name, Values.string(dep, "version", "*")));
        }
        return dependencies;
    }
}
