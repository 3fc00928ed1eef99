package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Magnolia's import choices for identifiers that exist already, and its XML (JCR system view) exports. */
class ImportModesAndXmlTest {

    private static final String UUID = "6c1d7e52-1f0a-4b8e-9a55-0c8f3e2d4b11";
    private static final byte[] PICTURE = "not really a PNG, but bytes".getBytes(StandardCharsets.UTF_8);

    private ContentRepository repository;

    @BeforeEach
    void openRepository() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        new MagnoliaYamlImporter(repository).importContent("website.original.yaml", page("original", "Original"));
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    private static String page(String name, String title) {
        return "'" + name + "':\n  'jcr:primaryType': 'mgnl:page'\n  'jcr:uuid': '" + UUID + "'\n  'title': '" + title + "'\n";
    }

    private String titleOf(String path) {
        return repository.read(session -> session.nodeExists(path) ? session.getNode(path).getProperty("title").getString()
                : null);
    }

    private String pathOfTheUuid() {
        return repository.read(session -> session.getNodeByIdentifier(UUID).getPath());
    }

    @Test
    void byDefaultAnIdentifierThatExistsStopsTheFileAndNothingChanges() {
        assertThatThrownBy(() -> new MagnoliaYamlImporter(repository).importContent("website.copy.yaml", page("copy", "Copie")))
                .isInstanceOf(ContentImportException.class).hasMessageStartingWith("website.copy.yaml: ");
        assertThat(titleOf("/website/copy")).isNull();
        assertThat(pathOfTheUuid()).isEqualTo("/website/original");
    }

    @Test
    void createNewGivesTheImportedNodeANewIdentifier() {
        new MagnoliaYamlImporter(repository, ImportMode.CREATE_NEW).importContent("website.copy.yaml", page("copy", "Copie"));
        assertThat(titleOf("/website/copy")).isEqualTo("Copie");
        assertThat(pathOfTheUuid()).isEqualTo("/website/original");
        String copyId = repository.read(session -> session.getNode("/website/copy").getIdentifier());
        assertThat(copyId).isNotEqualTo(UUID);
    }

    @Test
    void removeExistingRemovesTheNodeWithTheIdentifierThenImports() {
        new MagnoliaYamlImporter(repository, ImportMode.REMOVE_EXISTING).importContent("website.copy.yaml", page("copy", "Copie"));
        assertThat(titleOf("/website/original")).isNull();
        assertThat(pathOfTheUuid()).isEqualTo("/website/copy");
    }

    @Test
    void replaceExistingPutsTheImportedNodeWhereTheExistingOneWas() {
        new MagnoliaYamlImporter(repository, ImportMode.REPLACE_EXISTING)
                .importContent("website.original.yaml", page("original", "Remplacé"));
        assertThat(titleOf("/website/original")).isEqualTo("Remplacé");
        assertThat(pathOfTheUuid()).isEqualTo("/website/original");
    }

    @Test
    void anXmlExportIsImportedWithItsIdentifierTypesAndEmbeddedBinary() {
        repository.write(session -> session.getNode("/website/original").addNode("media", "mgnl:page"));
        new MagnoliaYamlImporter(repository).importContent("website.original.media.logo.xml", systemView("logo"));
        repository.read(session -> {
            javax.jcr.Node logo = session.getNode("/website/original/media/logo");
            assertThat(logo.getIdentifier()).isEqualTo("0b9a7c1e-6f43-4c2a-8d6e-5e4f3a2b1c0d");
            assertThat(logo.getPrimaryNodeType().getName()).isEqualTo("mgnl:contentNode");
            assertThat(logo.getProperty("title").getString()).isEqualTo("Logo de l'usine");
            assertThat(logo.getProperty("width").getLong()).isEqualTo(800L);
            try (InputStream in = logo.getProperty("data").getBinary().getStream()) {
                assertThat(in.readAllBytes()).isEqualTo(PICTURE);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    @Test
    void anXmlFileWithADocumentTypeIsRefusedAndNothingIsImported() {
        String withEntity = "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>\n"
                + systemView("logo").substring(systemView("logo").indexOf("<sv:node"));
        assertThatThrownBy(() -> new MagnoliaYamlImporter(repository).importContent("website.logo.xml", withEntity))
                .isInstanceOf(ContentImportException.class).hasMessageStartingWith("website.logo.xml: ");
        Boolean imported = repository.read(session -> session.nodeExists("/website/logo"));
        assertThat(imported).isFalse();
    }

    @Test
    void aYamlTagThePlatformDoesNotReadIsRefusedNamingTheFile() {
        String odd = "'w':\n  'jcr:primaryType': 'mgnl:page'\n  'link': !bogus '" + UUID + "'\n";
        assertThatThrownBy(() -> new MagnoliaYamlImporter(repository).importContent("website.w.yaml", odd))
                .isInstanceOf(ContentImportException.class).hasMessageStartingWith("website.w.yaml")
                .hasMessageContaining("bogus");
        assertThat(titleOf("/website/w")).isNull();
    }

    @Test
    void magnoliasTypedValueTagsGiveTheirJcrTypes() {
        String typed = "'typed':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'Typé'\n"
                + "  'link': !weakreference '" + UUID + "'\n  'links': [!weakreference '" + UUID + "']\n"
                + "  'where': !path '/a/b'\n  'price': !decimal '12.50'\n  'site': !uri 'https://example.org/'\n";
        new MagnoliaYamlImporter(repository).importContent("website.typed.yaml", typed);
        repository.read(session -> {
            javax.jcr.Node node = session.getNode("/website/typed");
            assertThat(node.getProperty("link").getType()).isEqualTo(javax.jcr.PropertyType.WEAKREFERENCE);
            assertThat(node.getProperty("link").getString()).isEqualTo(UUID);
            assertThat(node.getProperty("links").getValues()[0].getType()).isEqualTo(javax.jcr.PropertyType.WEAKREFERENCE);
            assertThat(node.getProperty("where").getType()).isEqualTo(javax.jcr.PropertyType.PATH);
            assertThat(node.getProperty("price").getDecimal()).isEqualByComparingTo("12.50");
            assertThat(node.getProperty("site").getType()).isEqualTo(javax.jcr.PropertyType.URI);
            return null;
        });
    }

    @Test
    void bootstrapFilesMayBeXml() {
        BootstrapImporter bootstrap = new BootstrapImporter(repository, Clock.systemUTC());
        BootstrapImporter.Result result = bootstrap.importOnce(new BootstrapFile("demo", "website.logo.xml", systemView("logo")));
        assertThat(result.outcome()).isEqualTo(BootstrapImporter.Outcome.IMPORTED);
        assertThat(titleOf("/website/logo")).isEqualTo("Logo de l'usine");
        assertThat(bootstrap.importOnce(new BootstrapFile("demo", "website.logo.xml", systemView("logo"))).outcome())
                .isEqualTo(BootstrapImporter.Outcome.ALREADY_IMPORTED);
    }

    private static String systemView(String name) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<sv:node sv:name=\"" + name + "\" xmlns:sv=\"http://www.jcp.org/jcr/sv/1.0\">\n"
                + "  <sv:property sv:name=\"jcr:primaryType\" sv:type=\"Name\"><sv:value>mgnl:contentNode</sv:value></sv:property>\n"
                + "  <sv:property sv:name=\"jcr:uuid\" sv:type=\"String\"><sv:value>0b9a7c1e-6f43-4c2a-8d6e-5e4f3a2b1c0d</sv:value></sv:property>\n"
                + "  <sv:property sv:name=\"title\" sv:type=\"String\"><sv:value>Logo de l'usine</sv:value></sv:property>\n"
                + "  <sv:property sv:name=\"width\" sv:type=\"Long\"><sv:value>800</sv:value></sv:property>\n"
                + "  <sv:property sv:name=\"data\" sv:type=\"Binary\"><sv:value>"
                + Base64.getEncoder().encodeToString(PICTURE) + "</sv:value></sv:property>\n"
                + "</sv:node>\n";
    }
}
