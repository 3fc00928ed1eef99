package fr.usinesouvertes.platform.admin.authoring.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.definition.DefinitionRegistry;
import fr.usinesouvertes.platform.lightmodule.LightModuleLoader;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContentItemsTest {

    static DefinitionRegistry registry;
    static ContentRepository repository;
    static ContentApp partners;
    static fr.usinesouvertes.platform.search.SearchIndex index;

    @BeforeAll
    static void setUp() throws Exception {
        registry = new LightModuleLoader(new LightModuleOrigins(Path.of("src/test/resources/authoring-modules"),
                Map.of())).load();
        repository = ContentRepository.open(new MemoryStoreBackend());
        partners = ContentApp.named(registry, "partners").orElseThrow();
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, List.of("partners", "news"));
            for (String[] p : new String[][] {{"bpifrance", "Bpifrance", "contributing"}, {"anct", "ANCT", "regional"},
                    {"etat", "État français", "organiser"}}) {
                var node = ContentItems.create(session, partners, p[0], null);
                node.setProperty("name", p[1]);
                node.setProperty("role", p[2]);
            }
            return null;
        });
        index = new fr.usinesouvertes.platform.search.SearchIndex(new fr.usinesouvertes.platform.search.SearchIndex.Options(
                ContentListIndex.NAME, java.nio.file.Files.createTempDirectory("content-list"), 50, java.time.Clock.systemUTC()),
                repository, new ContentListIndex(() -> registry, java.time.ZoneId.of("Europe/Paris")));
    }

    @AfterAll
    static void tearDown() {
        index.close();
        repository.close();
    }

    @Test
    void appsComeFromLightModuleAppsWithTheirContentType() {
        assertThat(ContentApp.all(registry)).extracting(ContentApp::name).containsExactlyInAnyOrder("partners", "news");
        assertThat(partners.label()).isEqualTo("Partenaires");
        assertThat(partners.workspace()).isEqualTo("partners");
        assertThat(partners.nodeType()).isEqualTo("mgnl:content");
    }

    @Test
    void listSearchesIgnoringCaseAndAccentsSortsAndPages() {
        ContentItems.ItemPage all = page(null, "name", false, 0, 10);
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.items()).extracting(ContentItems.Item::name).containsExactly("anct", "bpifrance", "etat");
        ContentItems.ItemPage found = page("etat", "name", false, 0, 10);
        assertThat(page("ÉTA", "name", false, 0, 10).items()).as("a word's beginning, case and accents aside")
                .extracting(ContentItems.Item::path).containsExactly("/etat");
        assertThat(page("bpi contrib", "name", false, 0, 10).items()).as("every word")
                .extracting(ContentItems.Item::path).containsExactly("/bpifrance");
        assertThat(page("bpi regional", "name", false, 0, 10).total()).isZero();
        assertThat(found.items()).extracting(ContentItems.Item::path).containsExactly("/etat");
        assertThat(found.items().get(0).columns()).containsEntry("name", "État français");
        ContentItems.ItemPage byRoleDesc = page(null, "role", true, 0, 2);
        assertThat(byRoleDesc.total()).isEqualTo(3);
        assertThat(byRoleDesc.items()).extracting(ContentItems.Item::name).containsExactly("anct", "etat");
        assertThat(page(null, "role", true, 2, 2).items()).extracting(ContentItems.Item::name).containsExactly("bpifrance");
    }

    @Test
    void foldersAreWalkedThroughNeverListedNorOpenedAsItems() {
        repository.write(session -> {
            var folder = session.getNode("/partners").addNode("2026", "mgnl:folder"); // like the sheets' year folders
            folder.addNode("rangee", "mgnl:content").setProperty("name", "Rangée dans un dossier");
            return null;
        });
        try {
            assertThat(page(null, "name", false, 0, 10).items()).extracting(ContentItems.Item::path)
                    .containsExactly("/anct", "/bpifrance", "/etat", "/2026/rangee");
            assertThatThrownBy(() -> repository.read(session -> ContentItems.item(session, partners, "/2026")))
                    .hasMessageContaining("introuvable");
        } finally {
            repository.write(session -> {
                session.getNode("/partners/2026").remove();
                return null;
            });
        }
    }

    @Test
    void newItemsGetAFreeNameFromTheirTitleAndBadNamesAreRefused() {
        String name = repository.write(session -> ContentItems.create(session, partners, null, "Bpifrance").getName());
        assertThat(name).isEqualTo("bpifrance-2");
        assertThatThrownBy(() -> repository.write(session -> ContentItems.create(session, partners, "anct", null)))
                .hasMessageContaining("déjà utilisé");
        assertThatThrownBy(() -> repository.read(session -> ContentItems.item(session, partners, "/../website")))
                .hasMessageContaining("introuvable");
        repository.write(session -> {
            session.getNode("/partners/bpifrance-2").remove();
            return null;
        });
    }

    private ContentItems.ItemPage page(String q, String sort, boolean desc, int offset, int limit) {
        index.catchUpNow();
        return repository.read(session -> ContentItems.list(index, session, partners, List.of("name", "role"), q, sort, desc,
                offset, limit, java.time.ZoneId.of("Europe/Paris")));
    }
}
