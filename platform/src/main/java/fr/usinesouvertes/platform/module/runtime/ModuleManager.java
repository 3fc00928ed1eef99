package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.RepositoryInitializer;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.module.ModuleContext;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the Java modules' lifecycle in dependency order: {@link #installOrUpdate()} (repository
 * initialisers at every start, then version tasks once per version), {@link #start()}, and on
 * {@link #close()} {@code stop()} in reverse order. The two start phases are separate so that the
 * platform can import bootstrap content once every module's node types and tasks are in place.
 */
public final class ModuleManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);

    private final List<PlatformModule> ordered;
    private final ContentRepository repository;
    private final PlatformModuleContext context;
    private final ModuleTaskRunner taskRunner;
    private final List<PlatformModule> started = new ArrayList<>();

    /** Orders the modules at once: a dependency problem throws {@link ModuleException} before anything runs. */
    public ModuleManager(List<PlatformModule> modules, PlatformModuleContext context) {
        this.ordered = ModuleOrder.of(modules);
        this.context = context;
        this.repository = context.repository();
        this.taskRunner = new ModuleTaskRunner(repository, context.definitions(), context.clock());
        if (!ordered.isEmpty()) {
            LOG.info("Java modules in start order: {}", String.join(", ",
                    ordered.stream().map(module -> module.descriptor().name() + " " + module.descriptor().version()).toList()));
        }
    }

    /** The modules in start order. */
    public List<PlatformModule> modules() {
        return List.copyOf(ordered);
    }

    /** For each module in order: its repository initialisers in one saved session, then its pending tasks. */
    public void installOrUpdate() {
        for (PlatformModule module : ordered) {
            initializeRepository(module);
            taskRunner.installOrUpdate(module);
        }
    }

    private void initializeRepository(PlatformModule module) {
        List<RepositoryInitializer> initializers = module.repositoryInitializers();
        if (initializers.isEmpty()) {
            return;
        }
        Session session = repository.loginSystem();
        try {
            for (RepositoryInitializer initializer : initializers) {
                initializer.initialize(session);
            }
            session.save();
            repository.awaitDurable();
        } catch (Exception e) {
            throw new ModuleException("Module '" + module.descriptor().name()
                    + "': repository initialisation failed: " + e.getMessage(), e);
        } finally {
            session.logout();
        }
    }

    /** Starts each module in order; a failure stops start-up (the platform then closes what started). */
    public void start() {
        for (PlatformModule module : ordered) {
            String name = module.descriptor().name();
            try {
                module.start(context);
            } catch (Exception e) {
                throw new ModuleException("Module '" + name + "' failed to start: " + e.getMessage(), e);
            }
            started.add(module);
            LOG.info("Module '{}' {} started", name, module.descriptor().version());
        }
    }

    /** Runs what the modules asked to run once the platform serves ({@link ModuleContext.Lifecycle#whenServing}). */
    public void serving() {
        context.serving();
    }

    /**
     * Stops the started modules in reverse order, then closes what they handed to {@link ModuleContext#lifecycle()};
     * one module failing to stop does not keep the others running.
     */
    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            PlatformModule module = started.get(i);
            try {
                module.stop();
            } catch (Exception e) {
                LOG.warn("Module '{}' failed to stop cleanly", module.descriptor().name(), e);
            }
        }
        started.clear();
        context.close();
    }
}
