package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.VersionTask;
import fr.usinesouvertes.platform.module.TaskContext;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings one module's installed content up to its version: runs the tasks not yet run, each in its own
 * session saved together with its record, then records the new version.
 *
 * <p>On a fresh install every task up to the module's version runs; on an update the tasks above the
 * installed version; in version order, declaration order among equal versions. A task already recorded
 * (it succeeded on an earlier start that then failed on a later task) is not run again.
 */
final class ModuleTaskRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleTaskRunner.class);

    private final ContentRepository repository;
    private final Definitions definitions;
    private final Clock clock;

    ModuleTaskRunner(ContentRepository repository, Definitions definitions, Clock clock) {
        this.repository = repository;
        this.definitions = definitions;
        this.clock = clock;
    }

    void installOrUpdate(PlatformModule module) {
        ModuleDescriptor descriptor = module.descriptor();
        String name = descriptor.name();
        ModuleVersion current = ModuleVersion.parse(descriptor.version());
        String installed = repository.read(session -> InstalledModules.installedVersion(session, name));
        if (installed != null && !current.isAfter(ModuleVersion.parse(installed))) {
            if (current.compareTo(ModuleVersion.parse(installed)) < 0) {
                LOG.warn("Module '{}' is at version {} but version {} was installed; nothing is run", name,
                        current, installed);
            }
            return;
        }
        List<String> done = repository.read(session -> InstalledModules.executedTasks(session, name));
        for (VersionTask task : pending(module, installed, current)) {
            if (!done.contains(InstalledModules.key(task.version(), task.description()))) {
                run(name, task, installed);
            }
        }
        repository.write(session -> {
            InstalledModules.recordVersion(session, name, descriptor.version(), clock);
            return null;
        });
        LOG.info("Module '{}' {} to version {}", name, installed == null ? "installed" : "updated from " + installed,
                descriptor.version());
    }

    private static List<VersionTask> pending(PlatformModule module, String installed, ModuleVersion current) {
        ModuleVersion from = installed == null ? null : ModuleVersion.parse(installed);
        List<VersionTask> pending = new ArrayList<>();
        for (VersionTask task : module.tasks()) {
            ModuleVersion version = taskVersion(module, task);
            if (version.isAtMost(current) && (from == null || version.isAfter(from))) {
                pending.add(task);
            }
        }
        pending.sort(Comparator.comparing(task -> ModuleVersion.parse(task.version()))); // stable: keeps declaration order
        return pending;
    }

    private static ModuleVersion taskVersion(PlatformModule module, VersionTask task) {
        try {
            return ModuleVersion.parse(task.version());
        } catch (IllegalArgumentException e) {
            throw new ModuleException("Module '" + module.descriptor().name() + "', task '" + task.description()
                    + "': " + e.getMessage());
        }
    }

    private void run(String module, VersionTask task, String installed) {
        Session session = repository.loginSystem();
        try {
            DefinitionRegistry registry = definitions.current();
            task.action().execute(new SessionTaskContext(session, repository, registry, installed));
            InstalledModules.recordTask(session, module, task, clock);
            session.save();
            repository.awaitDurable();
            LOG.info("Module '{}': ran task {} '{}'", module, task.version(), task.description());
        } catch (Exception e) {
            throw new ModuleException("Module '" + module + "', task " + task.version() + " '" + task.description()
                    + "' failed: " + reason(e), e);
        } finally {
            session.logout();
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** What a task sees: its own session, the repository and the definitions loaded at start. */
    private record SessionTaskContext(Session session, ContentRepository repository, DefinitionRegistry definitions,
                                      String installedVersion) implements TaskContext {
    }
}
