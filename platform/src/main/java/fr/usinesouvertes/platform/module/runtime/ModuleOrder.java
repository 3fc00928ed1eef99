package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Orders Java modules so that each starts after the modules it depends on; among modules free to start
 * at the same time, alphabetical order by name keeps start-up the same on every machine. Refuses a
 * duplicate name, a missing required dependency, a dependency outside its version range and a cycle.
 */
public final class ModuleOrder {

    private ModuleOrder() {
    }

    /** The modules in start order; throws {@link ModuleException} naming the modules at fault. */
    public static List<PlatformModule> of(List<PlatformModule> modules) {
        Map<String, PlatformModule> byName = indexByName(modules);
        Map<String, Set<String>> needs = new TreeMap<>();
        for (PlatformModule module : byName.values()) {
            needs.put(module.descriptor().name(), presentDependencies(module.descriptor(), byName));
        }
        return sort(needs, byName);
    }

    private static Map<String, PlatformModule> indexByName(List<PlatformModule> modules) {
        Map<String, PlatformModule> byName = new TreeMap<>();
        for (PlatformModule module : modules) {
            String name = module.descriptor().name();
            PlatformModule previous = byName.putIfAbsent(name, module);
            if (previous != null) {
                throw new ModuleException("Module '" + name + "' is declared twice: by "
                        + previous.getClass().getName() + " and by " + module.getClass().getName());
            }
            version(module.descriptor()); // a module with an unreadable version stops start-up here
        }
        return byName;
    }

    private static Set<String> presentDependencies(ModuleDescriptor descriptor, Map<String, PlatformModule> byName) {
        Set<String> present = new TreeSet<>();
        for (ModuleDescriptor.Dependency dependency : descriptor.dependencies()) {
            PlatformModule target = byName.get(dependency.name());
            if (target == null) {
                if (!dependency.optional()) {
                    throw new ModuleException("Module '" + descriptor.name() + "' needs module '" + dependency.name()
                            + "' (version " + range(descriptor, dependency) + "), which is not installed");
                }
                continue;
            }
            ModuleVersion found = version(target.descriptor());
            if (!range(descriptor, dependency).includes(found)) {
                throw new ModuleException("Module '" + descriptor.name() + "' needs module '" + dependency.name()
                        + "' in version " + range(descriptor, dependency) + ", but version " + found + " is installed");
            }
            present.add(dependency.name());
        }
        return present;
    }

    private static VersionRange range(ModuleDescriptor descriptor, ModuleDescriptor.Dependency dependency) {
        try {
            return VersionRange.parse(dependency.versionRange());
        } catch (IllegalArgumentException e) {
            throw new ModuleException("Module '" + descriptor.name() + "' declares a bad version range for '"
                    + dependency.name() + "': " + e.getMessage());
        }
    }

    private static ModuleVersion version(ModuleDescriptor descriptor) {
        try {
            return ModuleVersion.parse(descriptor.version());
        } catch (IllegalArgumentException e) {
            throw new ModuleException("Module '" + descriptor.name() + "' has a bad version: " + e.getMessage());
        }
    }

    /** Kahn's algorithm with a sorted ready set; what remains at the end lies on or behind a cycle. */
    private static List<PlatformModule> sort(Map<String, Set<String>> needs, Map<String, PlatformModule> byName) {
        Map<String, Set<String>> waiting = new HashMap<>();
        needs.forEach((name, deps) -> waiting.put(name, new TreeSet<>(deps)));
        TreeSet<String> ready = new TreeSet<>();
        waiting.forEach((name, deps) -> {
            if (deps.isEmpty()) {
                ready.add(name);
            }
        });
        List<PlatformModule> ordered = new ArrayList<>();
        while (!ready.isEmpty()) {
            String next = ready.pollFirst();
            waiting.remove(next);
            ordered.add(byName.get(next));
            waiting.forEach((name, deps) -> {
                if (deps.remove(next) && deps.isEmpty()) {
                    ready.add(name);
                }
            });
        }
        if (!waiting.isEmpty()) {
            throw new ModuleException("Modules depend on each other in a cycle: " + String.join(" -> ", cycle(waiting)));
        }
        return ordered;
    }

    /** Walks unmet dependencies from the first blocked module until a module repeats: that is the cycle. */
    private static List<String> cycle(Map<String, Set<String>> waiting) {
        List<String> path = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        String current = new TreeSet<>(waiting.keySet()).first();
        while (seen.add(current)) {
            path.add(current);
            current = waiting.get(current).iterator().next();
        }
        List<String> loop = new ArrayList<>(path.subList(path.indexOf(current), path.size()));
        loop.add(current);
        return loop;
    }
}
