package fr.usinesouvertes.platform.module;

import java.util.ArrayList;
import java.util.List;

/** A configurable module for tests: tasks, initialisers and start work given by the test; start and stop logged. */
public final class TestModule implements PlatformModule {

    /** Work done at start with the module's context. */
    @FunctionalInterface
    public interface StartWork {
        void run(ModuleContext context) throws Exception;
    }

    private final ModuleDescriptor descriptor;
    private final List<VersionTask> tasks = new ArrayList<>();
    private final List<RepositoryInitializer> initializers = new ArrayList<>();
    private final List<String> log;
    private StartWork startWork = context -> { };
    private boolean failOnStop;

    private TestModule(ModuleDescriptor descriptor, List<String> log) {
        this.descriptor = descriptor;
        this.log = log;
    }

    public static TestModule of(String name, String version, ModuleDescriptor.Dependency... dependencies) {
        return new TestModule(ModuleDescriptor.of(name, version, dependencies), new ArrayList<>());
    }

    public static TestModule of(List<String> log, String name, String version, ModuleDescriptor.Dependency... dependencies) {
        return new TestModule(ModuleDescriptor.of(name, version, dependencies), log);
    }

    public static ModuleDescriptor.Dependency dependency(String name, String range) {
        return new ModuleDescriptor.Dependency(name, range, false);
    }

    public TestModule task(String version, String description, VersionTask.Action action) {
        tasks.add(new VersionTask(version, description, action));
        return this;
    }

    public TestModule initializer(RepositoryInitializer initializer) {
        initializers.add(initializer);
        return this;
    }

    public TestModule onStart(StartWork work) {
        this.startWork = work;
        return this;
    }

    public TestModule failingOnStop() {
        this.failOnStop = true;
        return this;
    }

    @Override
    public ModuleDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<RepositoryInitializer> repositoryInitializers() {
        return initializers;
    }

    @Override
    public List<VersionTask> tasks() {
        return tasks;
    }

    @Override
    public void start(ModuleContext context) throws Exception {
        log.add("start " + descriptor.name());
        startWork.run(context);
    }

    @Override
    public void stop() {
        log.add("stop " + descriptor.name());
        if (failOnStop) {
            throw new IllegalStateException("stop failed on purpose");
        }
    }

    public static List<String> names(List<PlatformModule> modules) {
        return modules.stream().map(module -> module.descriptor().name()).toList();
    }
}
