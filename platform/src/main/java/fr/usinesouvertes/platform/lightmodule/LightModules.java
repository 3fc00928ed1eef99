package fr.usinesouvertes.platform.lightmodule;

import fr.usinesouvertes.platform.definition.Definitions;
import fr.usinesouvertes.platform.module.runtime.Contributions;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The light-module part of start-up: content-type workspaces kept in step with definitions, a first load,
 * the folder watcher, and {@code GET /.rest/definitions}. Closing it stops the watcher.
 */
public final class LightModules implements AutoCloseable {

    private final LightModuleWatcher watcher;

    private LightModules(LightModuleWatcher watcher) {
        this.watcher = watcher;
    }

    public static LightModules start(LightModuleOrigins origins, Definitions definitions, ContentRepository repository,
                                     Contributions contributions) throws IOException {
        definitions.onChange(new ContentTypeWorkspaces(repository));
        LightModuleLoader loader = new LightModuleLoader(origins);
        definitions.replace(loader.load());
        Path folder = origins.folder();
        LightModuleWatcher watcher = folder != null && Files.isDirectory(folder)
                ? LightModuleWatcher.start(loader, definitions, LightModuleWatcher.DEFAULT_DEBOUNCE) : null;
        contributions.addRestComponent(new DefinitionsResource(definitions, contributions));
        return new LightModules(watcher);
    }

    /**
     * Once the Java modules registered their resources: reports the light-module endpoints one of them shadows, now
     * and at every reload.
     */
    public static void reportShadowedEndpoints(Definitions definitions, Contributions contributions) {
        ShadowedEndpoints.report(definitions, contributions);
    }

    @Override
    public void close() throws IOException {
        if (watcher != null) {
            watcher.close();
        }
    }
}
