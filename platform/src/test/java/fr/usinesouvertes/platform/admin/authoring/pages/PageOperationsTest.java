package fr.usinesouvertes.platform.admin.authoring.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.admin.authoring.shared.AuthoringException;
import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.definition.TemplateDefinition;
import fr.usinesouvertes.platform.lightmodule.LightModuleLoader;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageOperationsTest {

    static final String BY = "editor@example.fr";
    static DefinitionRegistry registry;
    ContentRepository repository;
    PageOperations pages;
    PageComponents components;

    @BeforeAll
    static void load() throws Exception {
        registry = new LightModuleLoader(new LightModuleOrigins(Path.of("src/test/resources/authoring-modules"),
                Map.of())).load();
    }

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        pages = new PageOperations(() -> registry, Clock.systemUTC());
        components = new PageComponents(() -> registry, Clock.systemUTC());
        repository.write(session -> pages.create(session, "/", "home", "authoring-test:pages/standard", "Accueil", BY));
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void onlyVisiblePageTemplatesAreOffered() {
        List<TemplateDefinition> templates = repository.read(session -> pages.templatesFor(session, "/home"));
        assertThat(templates).extracting(TemplateDefinition::id).containsExactly("authoring-test:pages/standard",
                "authoring-test:pages/news-room"); // by title; the hidden template is not offered
    }

    @Test
    void createRenameMoveAndDeletePages() {
        repository.write(session -> pages.create(session, "/home", "about", "authoring-test:pages/standard", "À propos", BY));
        repository.write(session -> pages.create(session, "/home", "contact", "authoring-test:pages/standard", "Contact", BY));
        String renamed = repository.write(session -> pages.rename(session, "/home/about", "qui-sommes-nous", BY));
        assertThat(renamed).isEqualTo("/home/qui-sommes-nous");
        List<PageTree.Row> rows = repository.read(session -> PageTree.rows(session, Set.of("/home")));
        assertThat(rows).extracting(PageTree.Row::path).containsExactly("/home", "/home/qui-sommes-nous", "/home/contact");
        assertThat(rows.get(1).title()).isEqualTo("À propos");
        assertThat(rows.get(0).hasChildren()).isTrue();
        String moved = repository.write(session -> pages.move(session, "/home/contact", "/home/qui-sommes-nous", BY));
        assertThat(moved).isEqualTo("/home/qui-sommes-nous/contact");
        assertThat(tree(Set.of())).extracting(PageTree.Row::path)
                .containsExactly("/home");
        repository.write(session -> {
            pages.delete(session, "/home/qui-sommes-nous");
            return null;
        });
        assertThat(exists("/website/home/qui-sommes-nous")).isFalse();
    }

    @Test
    void badNamesTakenNamesHiddenTemplatesAndCyclesAreRefusedAndNothingChanges() {
        assertThatThrownBy(() -> repository.write(session -> pages.create(session, "/home", "Pas Bon", "authoring-test:pages/standard", "x", BY)))
                .isInstanceOf(AuthoringException.class).hasMessageContaining("Nom invalide");
        assertThatThrownBy(() -> repository.write(session -> pages.create(session, "/", "home", "authoring-test:pages/standard", "x", BY)))
                .hasMessageContaining("déjà utilisé");
        assertThatThrownBy(() -> repository.write(session -> pages.create(session, "/home", "cachee", "authoring-test:pages/hidden", "x", BY)))
                .hasMessageContaining("pas autorisé");
        repository.write(session -> pages.create(session, "/home", "sub", "authoring-test:pages/standard", "x", BY));
        assertThatThrownBy(() -> repository.write(session -> pages.move(session, "/home", "/home/sub", BY)))
                .hasMessageContaining("sous elle-même");
        assertThatThrownBy(() -> repository.write(session -> pages.rename(session, "/home/../x", "y", BY)))
                .isInstanceOf(AuthoringException.class);
        assertThat(tree(Set.of("/home"))).extracting(PageTree.Row::path)
                .containsExactly("/home", "/home/sub");
    }

    @Test
    void theSiteRootIsNeverDeletedRenamedOrMovedButOtherTopLevelPagesAre() {
        repository.write(session -> pages.create(session, "/", "autre", "authoring-test:pages/standard", "Autre", BY));

        for (var refused : List.<fr.usinesouvertes.platform.repository.SessionWork<?>>of(
                session -> pages.rename(session, "/home", "maison", BY),
                session -> pages.move(session, "/home", "/autre", BY),
                session -> {
                    pages.delete(session, "/home");
                    return null;
                })) {
            assertThatThrownBy(() -> repository.write(refused)).isInstanceOfSatisfying(AuthoringException.class, e -> {
                assertThat(e.status()).isEqualTo(409);
                assertThat(e.getMessage()).startsWith("La page racine du site ne peut pas être");
            });
        }
        assertThat(exists("/website/home")).isTrue();
        String same = repository.write(session -> pages.rename(session, "/home", "home", BY)); // no change
        assertThat(same).isEqualTo("/home");
        String renamed = repository.write(session -> pages.rename(session, "/autre", "divers", BY));
        assertThat(renamed).isEqualTo("/divers");
        repository.write(session -> {
            pages.delete(session, "/divers");
            return null;
        });
        assertThat(exists("/website/divers")).isFalse();
    }

    @Test
    void componentsAreAddedOnlyWhereAllowedAndReordered() {
        String first = repository.write(session -> components.add(session, "/home", "main", "authoring-test:components/text", BY));
        String second = repository.write(session -> components.add(session, "/home", "main", "authoring-test:components/text", BY));
        assertThat(first).isEqualTo("/home/main/0");
        assertThat(second).isEqualTo("/home/main/1");
        repository.write(session -> {
            session.getNode("/website/home/main/1").setProperty("title", "Deuxième");
            return null;
        });
        repository.write(session -> {
            components.move(session, second, true, BY);
            return null;
        });
        List<PageComponents.Area> areas = repository.read(session -> components.areas(session, "/home"));
        assertThat(areas).hasSize(1);
        assertThat(areas.get(0).title()).isEqualTo("Contenu");
        assertThat(areas.get(0).available()).extracting(TemplateDefinition::id).containsExactly("authoring-test:components/text");
        assertThat(areas.get(0).components()).extracting(PageComponents.Component::name).containsExactly("1", "0");
        assertThat(areas.get(0).components().get(0).summary()).isEqualTo("Deuxième");
        assertThat(areas.get(0).components().get(0).templateTitle()).isEqualTo("Texte");
        assertThatThrownBy(() -> repository.write(session -> components.add(session, "/home", "main", "authoring-test:components/all-fields", BY)))
                .hasMessageContaining("pas autorisé");
        assertThatThrownBy(() -> repository.write(session -> components.add(session, "/home", "aside", "authoring-test:components/text", BY)))
                .hasMessageContaining("Zone introuvable");
        repository.write(session -> {
            components.delete(session, "/home/main/1", BY);
            return null;
        });
        long left = repository.read(session -> session.getNode("/website/home/main").getNodes().getSize());
        assertThat(left).isEqualTo(1);
    }

    private List<PageTree.Row> tree(Set<String> expanded) {
        return repository.read(session -> PageTree.rows(session, expanded));
    }

    private boolean exists(String path) {
        return repository.read(session -> session.nodeExists(path));
    }
}
