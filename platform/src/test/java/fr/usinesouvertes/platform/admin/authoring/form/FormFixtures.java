package fr.usinesouvertes.platform.admin.authoring.form;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.lightmodule.LightModuleLoader;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.jcr.Node;

/** The authoring test light module and a repository with a page, an asset and a partner to link to. */
final class FormFixtures {

    static final Path MODULES = Path.of("src/test/resources/authoring-modules");

    private FormFixtures() {
    }

    static DefinitionRegistry registry() {
        try {
            return new LightModuleLoader(new LightModuleOrigins(MODULES, Map.of())).load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Form allFields(DefinitionRegistry registry) {
        return Forms.fromDialog(registry.dialog("authoring-test:components/all-fields").orElseThrow());
    }

    static Form contentTypeForm(DefinitionRegistry registry, String type, String app) {
        return Forms.fromContentType(registry.contentType(type).orElseThrow(),
                registry.apps().stream().filter(a -> a.name().equals(app)).findFirst().orElse(null),
                name -> registry.contentType(name).map(c -> c.workspace()).or(Optional::empty));
    }

    /** A repository and the identifiers of what it holds to link to. */
    record Fixture(ContentRepository repository, String pageId, String assetId, String partnerId) {
    }

    /** A repository with {@code /website/home} (a page), an asset in {@code dam}, a partner and {@code /website/home/main/0}. */
    static Fixture repository() {
        ContentRepository repository = ContentRepository.open(new MemoryStoreBackend());
        List<String> ids = repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of("partners", "news"));
            Node home = session.getNode("/website").addNode("home", "mgnl:page");
            home.addNode("main", "mgnl:area").addNode("0", "mgnl:component");
            Node asset = session.getNode("/dam").addNode("logo", "mgnl:asset");
            Node resource = asset.addNode("jcr:content", "mgnl:resource");
            resource.setProperty("jcr:data", session.getValueFactory().createBinary(new ByteArrayInputStream(new byte[] {1})));
            resource.setProperty("fileName", "logo.png");
            Node partner = session.getNode("/partners").addNode("acme", "mgnl:content");
            return List.of(home.getIdentifier(), asset.getIdentifier(), partner.getIdentifier());
        });
        return new Fixture(repository, ids.get(0), ids.get(1), ids.get(2));
    }
}
