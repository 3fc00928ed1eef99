package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.bootstrap.YamlBootstrapImporter;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Installs the editions shipped with the module (the {@code bootstrap/editions.<year>.yaml} files of
 * its light module) when the repository does not have them yet; editions organisers edited are kept.
 */
public final class EditionBootstrap {

    /** The light-module folder of the module's bootstrap files, on the classpath. */
    public static final String FOLDER = "/light-modules/events/bootstrap/";
    /** The bundled files, one per edition. */
    public static final List<String> BUNDLED = List.of("editions.2025.yaml", "editions.2026.yaml");

    private final ContentRepository repository;

    public EditionBootstrap(ContentRepository repository) {
        this.repository = repository;
    }

    /** @return the names of the files imported (those whose edition was missing) */
    public List<String> installMissing() {
        return repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of(EditionNodes.WORKSPACE));
            List<String> imported = new ArrayList<>();
            for (String file : BUNDLED) {
                String year = file.replaceAll("^editions\\.|\\.yaml$", "");
                if (session.nodeExists("/" + EditionNodes.WORKSPACE + "/" + year)) {
                    continue;
                }
                try (InputStream in = EditionBootstrap.class.getResourceAsStream(FOLDER + file)) {
                    if (in == null) {
                        throw new IllegalStateException(FOLDER + file + " is missing from the events module");
                    }
                    new YamlBootstrapImporter().importFile(session, file, in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                imported.add(file);
            }
            return imported;
        });
    }
}
