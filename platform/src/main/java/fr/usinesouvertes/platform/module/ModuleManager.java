package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.mail.MailSenders;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.search.SearchIndexes;
import java.time.Clock;
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
    private final ModuleContext context;
    private final ModuleTaskRunner taskRunner;
    private final SearchIndexes searchIndexes;
    private final List<PlatformModule> started = new ArrayList<>();

    /** Orders the modules at once: a dependency problem throws {@link ModuleException} before anything runs. */
    public ModuleManager(List<PlatformModule> modules, ContentRepository repository, Settings settings,
                         Definitions definitions, Clock clock, Contributions contributions, ClusterJobs clusterJobs) {
        this(modules, repository, settings, definitions, clock, contributions, clusterJobs,
                new fr.usinesouvertes.platform.security.Accounts(repository, clock), null, null,
                new fr.usinesouvertes.platform.http.PublicUrl(settings.get(fr.usinesouvertes.platform.config.CoreSettings.PUBLIC_URL),
                        settings.get(fr.usinesouvertes.platform.config.CoreSettings.HOST),
                        () -> settings.get(fr.usinesouvertes.platform.config.CoreSettings.PORT)));
    }

    /** As above, with the platform's accounts, publishing, module-page services and public address given to the modules. */
    public ModuleManager(List<PlatformModule> modules, ContentRepository repository, Settings settings,
                         Definitions definitions, Clock clock, Contributions contributions, ClusterJobs clusterJobs,
                         fr.usinesouvertes.platform.security.Accounts accounts,
                         fr.usinesouvertes.platform.publishing.Publishing publishing,
                         fr.usinesouvertes.platform.module.ModulePages modulePages,
                         fr.usinesouvertes.platform.http.PublicUrl publicUrl) {
        this.ordered = ModuleOrder.of(modules);
        this.repository = repository;
        this.searchIndexes = new SearchIndexes(repository, settings, clock);
        this.context = new PlatformModuleContext(repository, settings, definitions, clock, contributions, clusterJobs,
                searchIndexes, MailSenders.fromSettings(settings, clock), accounts, publishing, modulePages,
                publicUrl);
        this.taskRunner = new ModuleTaskRunner(repository, definitions, clock);
        if (!ordered.isEmpty()) {
            LOG.info("Java modules in start order: {}", String.join(", ",
                    ordered.stream().map(module -> module.descriptor().name() + " " + module.descriptor().version()).toList()));
        }
    }

    /** The search indexes the modules opened (rebuild command, status). */
    public SearchIndexes searchIndexes() {
        return searchIndexes;
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

    /** Stops the started modules in reverse order; one module failing to stop does not keep the others running. */
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
        searchIndexes.close();
    }
}
