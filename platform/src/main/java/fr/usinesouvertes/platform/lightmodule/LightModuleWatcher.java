package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.DefinitionType;
import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.definition.Problem;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the light-modules folder (recursively, new folders included) and reloads every definition when a
 * file changes, once changes have been quiet for a short debounce (editors save several files at once).
 * A reload that fails keeps the last registry, with the failure added to its problems.
 */
public final class LightModuleWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LightModuleWatcher.class);
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(200);

    /** What the watcher calls to rebuild the registry; {@link LightModuleLoader#load()} in production. */
    @FunctionalInterface
    public interface Reload {
        DefinitionRegistry load() throws IOException;
    }

    private final Path folder;
    private final Reload loader;
    private final Definitions definitions;
    private final Duration debounce;
    private final WatchService watchService;
    private final Thread thread;
    private volatile boolean closed;

    private LightModuleWatcher(Path folder, Reload loader, Definitions definitions, Duration debounce)
            throws IOException {
        this.folder = folder;
        this.loader = loader;
        this.definitions = definitions;
        this.debounce = debounce;
        this.watchService = FileSystems.getDefault().newWatchService();
        registerTree(folder);
        this.thread = new Thread(this::run, "light-module-watcher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching the loader's folder; the folder must exist. */
    public static LightModuleWatcher start(LightModuleLoader loader, Definitions definitions, Duration debounce)
            throws IOException {
        return new LightModuleWatcher(loader.origins().folder(), loader::load, definitions, debounce);
    }

    /** Starts watching {@code folder}, rebuilding the registry with {@code reload} after each change. */
    public static LightModuleWatcher start(Path folder, Reload reload, Definitions definitions, Duration debounce)
            throws IOException {
        return new LightModuleWatcher(folder, reload, definitions, debounce);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> folders = Files.walk(root)) {
            for (Path folder : folders.filter(Files::isDirectory).filter(LightModuleWatcher::isWatched).toList()) {
                folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    /** Front-end build folders hold thousands of sub-folders and no definitions: not worth a watch each. */
    private static boolean isWatched(Path folder) {
        for (Path part : folder) {
            String name = part.toString();
            if (name.equals("node_modules") || (name.startsWith(".") && name.length() > 1)) {
                return false;
            }
        }
        return true;
    }

    private void run() {
        boolean pending = false;
        while (!closed) {
            try {
                WatchKey key = pending ? watchService.poll(debounce.toMillis(), TimeUnit.MILLISECONDS) : watchService.take();
                if (key == null) {
                    pending = false;
                    reload();
                    continue;
                }
                handle(key);
                pending = true;
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Light-module watcher failed; it goes on watching", e);
            }
        }
    }

    private void handle(WatchKey key) {
        Path folder = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && event.context() instanceof Path name) {
                Path created = folder.resolve(name);
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        LOG.warn("Cannot watch new folder {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        key.reset();
    }

    private void reload() {
        try {
            definitions.replace(loader.load());
        } catch (IOException | RuntimeException e) {
            LOG.error("Reloading light modules failed; the previous definitions stay in use", e);
            definitions.replace(withProblem(definitions.current(),
                    Problem.error(String.valueOf(folder), 0, null, "reload failed: " + e)));
        }
    }

    /** A copy of the registry with one more problem (registries are immutable). */
    static DefinitionRegistry withProblem(DefinitionRegistry registry, Problem problem) {
        DefinitionRegistry.Builder builder = DefinitionRegistry.builder();
        registry.modules().forEach(builder::module);
        Arrays.stream(DefinitionType.values()).forEach(t -> registry.definitions(t).values().forEach(builder::definition));
        registry.templates().forEach(builder::template);
        registry.dialogs().forEach(builder::dialog);
        registry.contentTypes().forEach(builder::contentType);
        registry.apps().forEach(builder::app);
        registry.endpoints().forEach(builder::endpoint);
        registry.problems().forEach(builder::problem);
        return builder.problem(problem).messages(registry.messages()).build();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        watchService.close();
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
