package fr.usinesouvertes.platform.module.runtime;

import fr.usinesouvertes.platform.module.TestModule;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.module.VersionTask;
import fr.usinesouvertes.platform.module.ModuleException;
import static fr.usinesouvertes.platform.module.TestModule.dependency;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.cluster.ClusterJobs;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.http.PublicUrl;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.mail.MailSenders;
import fr.usinesouvertes.platform.publishing.RepositoryPublishing;
import fr.usinesouvertes.platform.rendering.Rendering;
import fr.usinesouvertes.platform.search.SearchIndexes;
import fr.usinesouvertes.platform.security.Accounts;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.health.Readiness;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleManagerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T08:00:00Z"), ZoneId.of("Europe/Paris"));

    @TempDir
    Path data;

    private final Contributions contributions = new Contributions();

    /** Opens the segment store in the temp folder, installs and starts the modules, stops and closes it all. */
    private List<String> runOnce(PlatformModule... modules) {
        Settings settings = PlatformLauncher.settingsLoader(List.of()).parse(Map.of("data", data.toString()));
        Definitions definitions = new Definitions();
        PublicUrl publicUrl = new PublicUrl("http://localhost:8080", null, () -> 8080);
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data.resolve("repository")));
             ClusterJobs jobs = new ClusterJobs(repository, Duration.ofSeconds(30));
             SearchIndexes searchIndexes = new SearchIndexes(repository, settings, CLOCK);
             Readiness readiness = new Readiness(Duration.ofSeconds(5));
             ModuleManager manager = new ModuleManager(List.of(modules), new PlatformModuleContext(
                     new PlatformModuleContext.Services(repository, settings, definitions, CLOCK, publicUrl,
                             MailSenders.fromSettings(settings, CLOCK), jobs, new Accounts(repository, CLOCK),
                             new RepositoryPublishing(repository, CLOCK), searchIndexes,
                             Rendering.modulePages(repository, definitions, new LightModuleOrigins(data.resolve("light-modules"),
                                     Map.of()), contributions, publicUrl, CLOCK.getZone(), Rendering.Caches.create()),
                             readiness, new io.micrometer.core.instrument.simple.SimpleMeterRegistry()),
                     contributions))) {
            manager.installOrUpdate();
            manager.start();
            return TestModule.names(manager.modules());
        }
    }

    private <T> T inRepository(fr.usinesouvertes.platform.repository.SessionWork<T> work) {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data.resolve("repository")))) {
            return repository.read(work);
        }
    }

    private static VersionTask.Action createNode(String name) {
        return context -> context.session().getNode("/website").addNode(name, "mgnl:page");
    }

    @Test
    void tasksRunOncePerVersionAcrossRestarts() {
        AtomicInteger runs = new AtomicInteger();
        for (int start = 0; start < 3; start++) {
            runOnce(TestModule.of("events", "1.0").task("1.0", "Create the events root", context -> {
                runs.incrementAndGet();
                context.session().getNode("/website").addNode("events", "mgnl:page");
            }));
        }

        assertThat(runs).hasValue(1);
        assertThat(property("/config/modules/events/version"))
                .isEqualTo("1.0");
        String record = inRepository(session -> {
            Node node = session.getNode("/config/modules/events/tasks/0");
            return node.getProperty("version").getString() + " " + node.getProperty("description").getString()
                    + " " + node.getProperty("executedAt").getDate().toInstant();
        });
        assertThat(record).isEqualTo("1.0 Create the events root 2026-03-20T08:00:00Z");
    }

    @Test
    void freshInstallRunsTasksUpToTheVersionInVersionOrder() {
        List<String> ran = new ArrayList<>();
        runOnce(TestModule.of("events", "1.10")
                .task("1.10", "ten", context -> ran.add("1.10"))
                .task("1.9", "nine", context -> ran.add("1.9"))
                .task("1.11", "eleven", context -> ran.add("1.11"))
                .task("1.0", "zero", context -> ran.add("1.0")));

        assertThat(ran).containsExactly("1.0", "1.9", "1.10");
    }

    @Test
    void updateRunsOnlyTheNewTasksAndSeesTheInstalledVersion() {
        List<String> ran = new ArrayList<>();
        AtomicReference<String> installedSeen = new AtomicReference<>("not run");
        runOnce(TestModule.of("events", "1.0").task("1.0", "install", context -> ran.add("install 1.0")));

        runOnce(TestModule.of("events", "1.2")
                .task("1.0", "install", context -> ran.add("install again"))
                .task("1.1", "add slots", context -> {
                    ran.add("update 1.1");
                    installedSeen.set(context.installedVersion());
                })
                .task("1.2", "add forms", context -> ran.add("update 1.2")));

        assertThat(ran).containsExactly("install 1.0", "update 1.1", "update 1.2");
        assertThat(installedSeen).hasValue("1.0");
        assertThat(property("/config/modules/events/version"))
                .isEqualTo("1.2");
        assertThat(children("/config/modules/events/tasks")).hasSize(3);
    }

    @Test
    void failingTaskLeavesNothingAndStopsStartUp() {
        List<String> log = new ArrayList<>();
        TestModule module = TestModule.of(log, "events", "1.1")
                .task("1.0", "create root", createNode("events"))
                .task("1.1", "create slots", context -> {
                    context.session().getNode("/website").addNode("half-done", "mgnl:page");
                    throw new IllegalStateException("the slots folder is missing");
                });

        assertThatThrownBy(() -> runOnce(module))
                .isInstanceOf(ModuleException.class)
                .hasMessage("Module 'events', task 1.1 'create slots' failed: the slots folder is missing");

        assertThat(log).doesNotContain("start events");
        assertThat(exists("/website/half-done")).isFalse();
        assertThat(exists("/website/events")).isTrue();
        boolean versionRecorded = inRepository(session -> session.propertyExists("/config/modules/events/version"));
        assertThat(versionRecorded).isFalse();

        // fixed on the next start: the successful task is not run again, the failed one is
        List<String> ran = new ArrayList<>();
        runOnce(TestModule.of("events", "1.1")
                .task("1.0", "create root", context -> ran.add("1.0"))
                .task("1.1", "create slots", context -> ran.add("1.1")));
        assertThat(ran).containsExactly("1.1");
    }

    @Test
    void initializersRunAtEveryStartBeforeTasks() {
        List<String> events = new ArrayList<>();
        for (int start = 0; start < 2; start++) {
            runOnce(TestModule.of("events", "1.0")
                    .initializer(session -> {
                        events.add("init");
                        if (!session.nodeExists("/registrations")) {
                            session.getRootNode().addNode("registrations", "nt:unstructured");
                        }
                    })
                    .task("1.0", "task", context -> {
                        events.add("task sees " + context.session().nodeExists("/registrations"));
                    }));
        }

        assertThat(events).containsExactly("init", "task sees true", "init");
    }

    @Test
    void modulesStartInDependencyOrderAndStopInReverseEvenIfOneFailsToStop() {
        List<String> log = new ArrayList<>();

        runOnce(TestModule.of(log, "events", "1.0", dependency("core", "*")).failingOnStop(),
                TestModule.of(log, "core", "1.0"),
                TestModule.of(log, "mail", "1.0", dependency("events", "*")));

        assertThat(log).containsExactly("start core", "start events", "start mail", "stop mail", "stop events",
                "stop core");
    }

    @Test
    void managedResourcesCloseAfterTheModulesStopInReverseOrder() {
        List<String> events = new ArrayList<>();
        runOnce(TestModule.of(events, "events", "1.0").onStart(context -> {
            context.lifecycle().manage(() -> events.add("close first"));
            context.lifecycle().manage(() -> {
                events.add("close second");
                throw new IllegalStateException("closing fails");
            });
        }));

        assertThat(events).containsExactly("start events", "stop events", "close second", "close first");
    }

    @Test
    void startContextRegistersTemplatingFunctionsAndRestComponents() {
        Object functions = new Object();
        runOnce(TestModule.of("events", "1.0").onStart(context -> {
            context.site().templatingFunctions("eventsfn", functions);
            context.rest().register(String.class);
            assertThat(context.clock()).isSameAs(CLOCK);
            assertThat(context.settings().get(fr.usinesouvertes.platform.config.CoreSettings.DATA)).isEqualTo(data);
            boolean configExists = context.repository().read(session -> session.nodeExists("/config"));
            assertThat(configExists).isTrue();
        }));

        assertThat(contributions.templatingFunctions()).containsEntry("eventsfn", functions);
        assertThat(contributions.restComponents()).containsExactly(String.class);
    }

    @Test
    void moduleFailingToStartIsNamedAndTheStartedOnesAreStopped() {
        List<String> log = new ArrayList<>();

        assertThatThrownBy(() -> runOnce(TestModule.of(log, "core", "1.0"),
                TestModule.of(log, "events", "1.0", dependency("core", "*")).onStart(context -> {
                    throw new IllegalStateException("no mail server");
                })))
                .isInstanceOf(ModuleException.class)
                .hasMessage("Module 'events' failed to start: no mail server");
        assertThat(log).containsExactly("start core", "start events", "stop core");
    }

    private String property(String path) {
        return inRepository(session -> session.getProperty(path).getString());
    }

    private boolean exists(String path) {
        return inRepository(session -> session.nodeExists(path));
    }

    private List<String> children(String path) {
        return inRepository(session -> childNames(session.getNode(path)));
    }

    static List<String> childNames(Node node) throws javax.jcr.RepositoryException {
        List<String> names = new ArrayList<>();
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            names.add(it.nextNode().getName());
        }
        return names;
    }
}
