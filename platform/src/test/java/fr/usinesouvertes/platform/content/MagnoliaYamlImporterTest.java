package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyType;
import javax.jcr.Session;
import javax.jcr.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MagnoliaYamlImporterTest {

    private static final String PRESS_FILE = "website.journees-usines-ouvertes.presse.yaml";

    private ContentRepository repository;
    private MagnoliaYamlImporter importer;

    @BeforeEach
    void openRepository() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        importer = new MagnoliaYamlImporter(repository);
        repository.write(session -> session.getNode("/website").addNode("journees-usines-ouvertes", "mgnl:page"));
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    static String resource(String name) {
        try (InputStream in = MagnoliaYamlImporterTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsNodeUnderParentNamedByTheFileKeepingIdentifierAndMixins() {
        List<String> paths = importer.importContent(PRESS_FILE, resource(PRESS_FILE));

        assertThat(paths).containsExactly("/journees-usines-ouvertes/presse");
        repository.read(session -> {
            Node page = session.getNode("/website/journees-usines-ouvertes/presse");
            assertThat(page.getPrimaryNodeType().getName()).isEqualTo("mgnl:page");
            assertThat(page.getIdentifier()).isEqualTo("2c6f0d1e-7d2a-4c7e-9a51-3f0e0c1b2a10");
            assertThat(Arrays.stream(page.getMixinNodeTypes()).map(t -> t.getName())).contains("mgnl:hasVersion");
            return null;
        });
    }

    @Test
    void typesPropertiesByTheirYamlType() {
        importer.importContent(PRESS_FILE, resource(PRESS_FILE));

        repository.read(session -> {
            Node page = session.getNode("/website/journees-usines-ouvertes/presse");
            assertThat(page.getProperty("title").getType()).isEqualTo(PropertyType.STRING);
            assertThat(page.getProperty("title").getString()).isEqualTo("Salle de presse");
            assertThat(page.getProperty("hideInNav").getType()).isEqualTo(PropertyType.BOOLEAN);
            assertThat(page.getProperty("hideInNav").getBoolean()).isFalse();
            assertThat(page.getProperty("order").getType()).isEqualTo(PropertyType.LONG);
            assertThat(page.getProperty("order").getLong()).isEqualTo(3L);
            assertThat(page.getProperty("ratio").getType()).isEqualTo(PropertyType.DOUBLE);
            assertThat(page.getProperty("mgnl:created").getType()).isEqualTo(PropertyType.DATE);
            assertThat(page.getProperty("mgnl:created").getDate().toInstant())
                    .isEqualTo(Instant.parse("2026-02-11T09:00:00Z"));
            assertThat(page.getProperty("mgnl:lastModified").getType()).isEqualTo(PropertyType.DATE);
            assertThat(page.getProperty("mgnl:lastModified").getDate().toInstant())
                    .isEqualTo(Instant.parse("2026-02-12T07:30:00Z"));
            assertThat(page.getProperty("logo").getType()).isEqualTo(PropertyType.BINARY);
            assertThat(page.getProperty("logo").getBinary().getSize()).isEqualTo(5);
            Property tags = page.getProperty("tags");
            assertThat(tags.isMultiple()).isTrue();
            assertThat(Arrays.stream(tags.getValues()).map(MagnoliaYamlImporterTest::string)).containsExactly("usines", "presse");
            assertThat(page.getProperty("empty").isMultiple()).isTrue();
            assertThat(page.getProperty("empty").getValues()).isEmpty();
            assertThat(page.getProperty("main/00/text").getString()).isEqualTo(" espaces ");
            return null;
        });
    }

    @Test
    void keepsChildOrderAndNamesThatLookLikeNumbers() {
        importer.importContent(PRESS_FILE, resource(PRESS_FILE));

        repository.read(session -> {
            assertThat(childNames(session.getNode("/website/journees-usines-ouvertes/presse")))
                    .containsExactly("main", "extra");
            assertThat(childNames(session.getNode("/website/journees-usines-ouvertes/presse/main")))
                    .containsExactly("0", "b", "00");
            return null;
        });
    }

    @Test
    void mapWithoutPrimaryTypeIsAContentNode() {
        importer.importContent(PRESS_FILE, resource(PRESS_FILE));

        String type = repository.read(session -> session.getNode("/website/journees-usines-ouvertes/presse/extra")
                .getPrimaryNodeType().getName());
        assertThat(type).isEqualTo("mgnl:contentNode");
    }

    @Test
    void wholeWorkspaceFileImportsEveryTopLevelNodeUnderTheRoot() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n'b':\n  'jcr:primaryType': 'mgnl:page'\n";

        List<String> paths = importer.importContent("website.yaml", yaml);

        assertThat(paths).containsExactly("/a", "/b");
        assertThat(children("/website"))
                .containsExactly("journees-usines-ouvertes", "a", "b");
    }

    @Test
    void createsTheWorkspaceRootOfAContentTypeWorkspace() {
        importer.importContent("press-releases.communique.yaml", "'communique':\n  'jcr:primaryType': 'mgnl:content'\n");

        assertThat(exists("/press-releases/communique")).isTrue();
    }

    @Test
    void anchorsAndMergeKeysWork() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'first': &text\n    'jcr:primaryType': 'mgnl:component'\n"
                + "    'text': 'Bonjour'\n  'second':\n    <<: *text\n    'extra': 1\n";

        importer.importContent("website.a.yaml", yaml);

        String second = repository.read(session -> {
            Node node = session.getNode("/website/a/second");
            return node.getPrimaryNodeType().getName() + " " + node.getProperty("text").getString() + " "
                    + node.getProperty("extra").getLong();
        });
        assertThat(second).isEqualTo("mgnl:component Bonjour 1");
    }

    @Test
    void badYamlNamesFileAndLineAndChangesNothing() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'x\n  'other': [\n";

        assertThatThrownBy(() -> importer.importContent("website.a.yaml", yaml))
                .isInstanceOf(ContentImportException.class)
                .hasMessageStartingWith("website.a.yaml, line ")
                .hasMessageContaining("invalid YAML");
        assertUnchanged();
    }

    @Test
    void duplicateKeyIsAnError() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'x'\n  'title': 'y'\n";

        assertThatThrownBy(() -> importer.importContent("website.a.yaml", yaml))
                .hasMessageStartingWith("website.a.yaml, line 4").hasMessageContaining("duplicate key");
    }

    @Test
    void unknownNodeTypeIsRefusedBeforeAnythingIsImported() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'main':\n    'jcr:primaryType': 'mgnl:aera'\n"
                + "'b':\n  'jcr:primaryType': 'mgnl:page'\n";

        assertThatThrownBy(() -> importer.importContent("website.yaml", yaml))
                .isInstanceOf(ContentImportException.class)
                .hasMessage("website.yaml: node '/a/main' has unknown node type 'mgnl:aera'");
        assertUnchanged();
    }

    @Test
    void badWorkspaceNameIsRefused() {
        assertThatThrownBy(() -> importer.importContent("9lives.a.yaml", "'a':\n  'jcr:primaryType': 'mgnl:page'\n"))
                .isInstanceOf(ContentImportException.class)
                .hasMessageStartingWith("9lives.a.yaml: '9lives' is not a valid workspace name");
        assertThat(exists("/9lives")).isFalse();
    }

    @Test
    void missingParentIsRefused() {
        assertThatThrownBy(() -> importer.importContent("website.nowhere.a.yaml", "'a':\n  'jcr:primaryType': 'mgnl:page'\n"))
                .hasMessage("website.nowhere.a.yaml: parent node '/nowhere' of workspace 'website' does not exist;"
                        + " import its own file first");
        assertUnchanged();
    }

    @Test
    void existingIdentifierIsRefusedAndNothingIsSaved() {
        importer.importContent(PRESS_FILE, resource(PRESS_FILE));
        String sameId = "'x':\n  'jcr:primaryType': 'mgnl:page'\n'y':\n  'jcr:primaryType': 'mgnl:page'\n"
                + "  'jcr:uuid': '2c6f0d1e-7d2a-4c7e-9a51-3f0e0c1b2a10'\n";

        assertThatThrownBy(() -> importer.importContent("website.yaml", sameId))
                .isInstanceOf(ContentImportException.class)
                .hasMessageStartingWith("website.yaml: node 'y' cannot be imported");
        assertThat(exists("/website/x")).isFalse();
    }

    @Test
    void valueThatIsNoPropertyIsRefused() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'title':\n";

        assertThatThrownBy(() -> importer.importContent("website.a.yaml", yaml))
                .hasMessageContaining("'/a/title' has no value");
        assertUnchanged();
    }

    @Test
    void mixedListIsRefused() {
        String yaml = "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'tags': ['x', 1]\n";

        assertThatThrownBy(() -> importer.importContent("website.a.yaml", yaml))
                .hasMessageContaining("'/a/tags' mixes String and Long values");
        assertUnchanged();
    }

    @Test
    void existingNodeIsNotOverwritten() {
        importer.importContent(PRESS_FILE, resource(PRESS_FILE));

        assertThatThrownBy(() -> importer.importContent(PRESS_FILE, "'presse':\n  'jcr:primaryType': 'mgnl:page'\n"))
                .hasMessage(PRESS_FILE + ": node 'presse' already exists under '/website/journees-usines-ouvertes'");
    }

    @Test
    void unknownMixinAndPrimaryTypeUsedAsMixinAreRefused() {
        assertThatThrownBy(() -> importer.importContent("website.a.yaml",
                "'a':\n  'jcr:primaryType': 'mgnl:page'\n  'jcr:mixinTypes': ['mix:nothing']\n"))
                .hasMessage("website.a.yaml: node '/a' has unknown mixin type 'mix:nothing'");
        assertThatThrownBy(() -> importer.importContent("website.a.yaml", "'a':\n  'jcr:primaryType': 'mgnl:created'\n"))
                .hasMessage("website.a.yaml: node '/a': 'mgnl:created' is a mixin, not a primary type");
        assertThatThrownBy(() -> importer.importContent("website.a.yaml", "'a':\n  'jcr:primaryType': 'zz:page'\n"))
                .hasMessage("website.a.yaml: node '/a' has unknown node type 'zz:page'");
        assertUnchanged();
    }

    @Test
    void topLevelMustBeAMapOfNodes() {
        assertThatThrownBy(() -> importer.importContent("website.a.yaml", "- 'a'\n"))
                .hasMessage("website.a.yaml, line 1: the top level must be a map of node names");
        assertThatThrownBy(() -> importer.importContent("website.a.yaml", "'a': 'text'\n"))
                .hasMessageContaining("top-level entry 'a' is not a node");
        assertThatThrownBy(() -> importer.importContent("website.a.yaml", ""))
                .hasMessage("website.a.yaml: the file is empty");
        assertUnchanged();
    }

    @Test
    void fileNameMustFollowMagnoliaNaming() {
        assertThatThrownBy(() -> importer.importContent("website..yaml", "'a': {}\n"))
                .hasMessageContaining("empty segment");
        assertThatThrownBy(() -> importer.importContent("content.txt", "'a': {}\n"))
                .hasMessageContaining("<workspace>.<path>.yaml");
    }

    private void assertUnchanged() {
        assertThat(children("/website"))
                .containsExactly("journees-usines-ouvertes");
        assertThat(children("/website/journees-usines-ouvertes")).isEmpty();
    }

    private boolean exists(String path) {
        return repository.read(session -> session.nodeExists(path));
    }

    private List<String> children(String path) {
        return repository.read(session -> childNames(session.getNode(path)));
    }

    static List<String> childNames(Node node) throws javax.jcr.RepositoryException {
        List<String> names = new ArrayList<>();
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            names.add(it.nextNode().getName());
        }
        return names;
    }

    private static String string(Value value) {
        try {
            return value.getString();
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
