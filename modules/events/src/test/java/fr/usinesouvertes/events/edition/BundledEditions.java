package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.platform.content.BootstrapImporter;
import fr.usinesouvertes.platform.content.BootstrapSources;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Imports the events module's bootstrap files with the platform's own bootstrap mechanism. */
public final class BundledEditions {

    private BundledEditions() {
    }

    /** Imports the module's bootstrap files; returns the outcomes of the edition files (the site page needs the site root). */
    public static List<BootstrapImporter.Result> importInto(ContentRepository repository) {
        String root = new EventsModule().descriptor().lightModuleRoot();
        LightModuleOrigins origins = new LightModuleOrigins(Path.of("target", "no-light-modules"),
                Map.of(EventsModule.NAME, root));
        return new BootstrapImporter(repository, Clock.systemUTC())
                .importAll(new BootstrapSources(origins, BundledEditions.class.getClassLoader())).stream()
                .filter(result -> result.file().startsWith("editions.")).toList();
    }
}
