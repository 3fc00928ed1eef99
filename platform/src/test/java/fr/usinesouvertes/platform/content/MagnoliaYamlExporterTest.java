package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import javax.jcr.Property;
import javax.jcr.PropertyIterator;
import javax.jcr.PropertyType;
import javax.jcr.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MagnoliaYamlExporterTest {

    private static final String PRESS_FILE = "website.journees-usines-ouvertes.presse.yaml";

    private ContentRepository source;
    private ContentRepository target;

    @BeforeEach
    void openRepositories() {
        source = ContentRepository.open(new MemoryStoreBackend());
        target = ContentRepository.open(new MemoryStoreBackend());
        for (ContentRepository repository : List.of(source, target)) {
            repository.write(session -> session.getNode("/website").addNode("journees-usines-ouvertes", "mgnl:page"));
        }
        new MagnoliaYamlImporter(source).importContent(PRESS_FILE, MagnoliaYamlImporterTest.resource(PRESS_FILE));
        source.write(session -> {
            Node page = session.getNode("/website/journees-usines-ouvertes/presse");
            page.setProperty("lead", "Ligne 1\nL'usine \"ouverte\"\ttab \u0085");
            page.setProperty("huge", 1.0e300);
            page.setProperty("blob", session.getValueFactory().createBinary(new ByteArrayInputStream(new byte[] {0, 1, 2})));
            page.getNode("main").addNode("first", "mgnl:component").setProperty("title", "Premier");
            page.getNode("main").orderBefore("first", "0");
            return null;
        });
    }

    @AfterEach
    void closeRepositories() {
        source.close();
        target.close();
    }

    @Test
    void fileNameFollowsMagnoliaNaming() {
        assertThat(MagnoliaYamlExporter.fileName("website", "/journees-usines-ouvertes/presse")).isEqualTo(PRESS_FILE);
        assertThat(MagnoliaYamlExporter.fileName("website", "/")).isEqualTo("website.yaml");
    }

    @Test
    void writesMagnoliaStyleYaml() {
        String yaml = new MagnoliaYamlExporter(source).export("website", "/journees-usines-ouvertes/presse");

        assertThat(yaml).startsWith("'presse':\n  'jcr:primaryType': 'mgnl:page'\n"
                + "  'jcr:uuid': '2c6f0d1e-7d2a-4c7e-9a51-3f0e0c1b2a10'\n  'jcr:mixinTypes':\n  - 'mgnl:hasVersion'\n");
        assertThat(yaml).contains("  'mgnl:created': 2026-02-11T10:00:00.000+01:00\n",
                "  'hideInNav': false\n", "  'order': 3\n", "  'ratio': 1.5\n", "  'tags':\n  - 'usines'\n  - 'presse'\n",
                "  'empty': []\n", "  'title': 'Salle de presse'\n", "  'logo': !!binary 'SGVsbG8='\n",
                "    '00':\n", "  'huge': 1.0e+300\n");
        assertThat(yaml).doesNotContain("jcr:created");
    }

    @Test
    void roundTripGivesTheSameTreeWithIdentifiersTypesAndOrder() {
        String yaml = new MagnoliaYamlExporter(source).export("website", "/journees-usines-ouvertes/presse");

        new MagnoliaYamlImporter(target).importContent(PRESS_FILE, yaml);

        String expected = source.read(session -> describe(session.getNode("/website/journees-usines-ouvertes/presse")));
        String actual = target.read(session -> describe(session.getNode("/website/journees-usines-ouvertes/presse")));
        assertThat(actual).isEqualTo(expected);
        assertThat(actual).contains("main/first", "lead (String) Ligne 1\nL'usine");
    }

    @Test
    void wholeWorkspaceExportRoundTrips() {
        String yaml = new MagnoliaYamlExporter(source).export("website", "/");
        ContentRepository fresh = ContentRepository.open(new MemoryStoreBackend());
        try (fresh) {
            new MagnoliaYamlImporter(fresh).importContent("website.yaml", yaml);

            String expected = source.read(session -> describe(session.getNode("/website/journees-usines-ouvertes")));
            String actual = fresh.read(session -> describe(session.getNode("/website/journees-usines-ouvertes")));
            assertThat(actual).isEqualTo(expected);
        }
    }

    @Test
    void decimalsAndWeakReferencesComeBackWithTheirType() {
        source.write(session -> {
            javax.jcr.Node presse = session.getNode("/website/journees-usines-ouvertes/presse");
            presse.setProperty("price", new BigDecimal("12.50"));
            presse.setProperty("image", session.getValueFactory().createValue(presse.getNode("main"), true));
            return null;
        });
        String yaml = new MagnoliaYamlExporter(source).export("website", "/journees-usines-ouvertes/presse");

        new MagnoliaYamlImporter(target).importContent(PRESS_FILE, yaml);

        assertThat(yaml).contains("  'price': !decimal '12.50'\n").contains("  'image': !weakreference '");
        target.read(session -> {
            javax.jcr.Node presse = session.getNode("/website/journees-usines-ouvertes/presse");
            assertThat(presse.getProperty("price").getType()).isEqualTo(javax.jcr.PropertyType.DECIMAL);
            assertThat(presse.getProperty("price").getString()).isEqualTo("12.50");
            assertThat(presse.getProperty("image").getType()).isEqualTo(javax.jcr.PropertyType.WEAKREFERENCE);
            assertThat(presse.getProperty("image").getNode().getPath()).isEqualTo(presse.getNode("main").getPath());
            return null;
        });
    }

    @Test
    void missingNodeIsAClearError() {
        assertThatThrownBy(() -> new MagnoliaYamlExporter(source).export("website", "/nowhere"))
                .isInstanceOf(ContentExportException.class)
                .hasMessage("No node '/nowhere' in workspace 'website'");
    }

    /** Every node with its identifier, types and properties (typed, sorted), children in order. */
    static String describe(Node node) throws javax.jcr.RepositoryException {
        StringBuilder out = new StringBuilder();
        describe(node, node.getPath(), out);
        return out.toString();
    }

    private static void describe(Node node, String root, StringBuilder out) throws javax.jcr.RepositoryException {
        String path = node.getPath().substring(root.length());
        out.append("node ").append(path).append(' ').append(node.getPrimaryNodeType().getName()).append(' ')
                .append(node.getIdentifier()).append(' ')
                .append(Arrays.stream(node.getMixinNodeTypes()).map(t -> t.getName()).toList()).append('\n');
        TreeMap<String, String> properties = new TreeMap<>();
        for (PropertyIterator it = node.getProperties(); it.hasNext(); ) {
            Property property = it.nextProperty();
            if (!property.getDefinition().isProtected()) {
                properties.put(property.getName(), "(" + PropertyType.nameFromValue(property.getType()) + ") "
                        + (property.isMultiple() ? values(property.getValues()) : value(property.getValue())));
            }
        }
        properties.forEach((name, value) -> out.append("  ").append(name).append(' ').append(value).append('\n'));
        for (NodeIterator it = node.getNodes(); it.hasNext(); ) {
            describe(it.nextNode(), root, out);
        }
    }

    private static List<String> values(Value[] values) throws javax.jcr.RepositoryException {
        List<String> texts = new ArrayList<>();
        for (Value value : values) {
            texts.add(value(value));
        }
        return texts;
    }

    private static String value(Value value) throws javax.jcr.RepositoryException {
        if (value.getType() == PropertyType.BINARY) {
            try (InputStream in = value.getBinary().getStream()) {
                return Arrays.toString(in.readAllBytes());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value.getType() == PropertyType.DATE) {
            return value.getDate().toInstant() + " " + value.getDate().getTimeZone().getRawOffset();
        }
        return value.getString();
    }
}
