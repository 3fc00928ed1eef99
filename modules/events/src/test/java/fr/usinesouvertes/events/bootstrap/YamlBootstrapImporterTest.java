package fr.usinesouvertes.events.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.usinesouvertes.events.bootstrap.YamlBootstrapImporter.Target;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import javax.jcr.Node;
import javax.jcr.PropertyType;
import javax.jcr.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class YamlBootstrapImporterTest {

    private static final String FILE = "website.fixtures.visites.yaml";
    private ContentRepository repository;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
    }

    @AfterEach
    void close() {
        repository.close();
    }

    private void importFixture() {
        repository.write(session -> {
            repository.workspaces().ensureRoots(session, java.util.List.of("website"));
            session.getNode("/website").addNode("fixtures", "mgnl:content");
            try (InputStream in = getClass().getResourceAsStream("/bootstrap/" + FILE)) {
                return new YamlBootstrapImporter().importFile(session, FILE, in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theFileNameGivesTheWorkspaceAndTheParentPath() {
        assertThat(Target.ofFileName("editions.2026.yaml")).isEqualTo(new Target("editions", "/"));
        assertThat(Target.ofFileName("website.fixtures.visites.yaml")).isEqualTo(new Target("website", "/fixtures"));
        assertThat(Target.ofFileName("website.fixtures.visites.yaml").jcrParentPath()).isEqualTo("/website/fixtures");
        assertThatThrownBy(() -> Target.ofFileName("editions.yaml")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nodesKeepTheirTypesIdentifiersAndTypedProperties() {
        importFixture();

        repository.read(session -> {
            Node page = session.getNode("/website/fixtures/visites");
            assertThat(page.getIdentifier()).isEqualTo("6a0e2a3c-55b6-4a3e-9f63-6a1f6ab0c001");
            assertThat(page.getPrimaryNodeType().getName()).isEqualTo("mgnl:page");
            assertThat(page.isNodeType("mix:versionable")).isTrue();
            assertThat(page.getProperty("title").getString()).isEqualTo("Visites d'usines & portes ouvertes");
            assertThat(page.getProperty("published").getType()).isEqualTo(PropertyType.BOOLEAN);
            assertThat(page.getProperty("places").getType()).isEqualTo(PropertyType.LONG);
            assertThat(page.getProperty("places").getLong()).isEqualTo(30);
            assertThat(page.getProperty("rating").getDouble()).isEqualTo(4.5);
            assertThat(page.getProperty("opens").getType()).isEqualTo(PropertyType.DATE);
            assertThat(page.getProperty("opens").getDate().toInstant()).isEqualTo(Instant.parse("2026-01-30T23:00:00Z"));
            assertThat(Arrays.stream(page.getProperty("tags").getValues()).map(YamlBootstrapImporterTest::string))
                    .containsExactly("industrie", "visite");
            assertThat(page.getNode("main/0").getPrimaryNodeType().getName()).isEqualTo("mgnl:component");
            assertThat(page.getNode("main/0").getProperty("text").getString()).isEqualTo("<p>Bienvenue</p>");
            return null;
        });
    }

    @Test
    void importingAgainReplacesTheNodes() {
        importFixture();
        repository.write(session -> {
            session.getNode("/website/fixtures/visites").setProperty("title", "changed");
            return null;
        });

        repository.write(session -> {
            try (InputStream in = getClass().getResourceAsStream("/bootstrap/" + FILE)) {
                return new YamlBootstrapImporter().importFile(session, FILE, in);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });

        String title = repository.read(session -> session.getNode("/website/fixtures/visites").getProperty("title").getString());
        assertThat(title).isEqualTo("Visites d'usines & portes ouvertes");
    }

    @Test
    void malformedFilesAreReportedWithTheirNameAndNothingIsSaved() {
        for (String yaml : new String[] {"'a': [unclosed", "- just\n- a list\n", "'a': 'not a map'", "'a':\n  'x': {'k': !!binary 'AAAA'}"}) {
            assertThatThrownBy(() -> repository.write(session -> new YamlBootstrapImporter().importFile(session,
                    "editions.broken.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))))
                    .as(yaml).isInstanceOf(BootstrapException.class).hasMessageStartingWith("editions.broken.yaml");
        }
        boolean created = repository.read(session -> session.nodeExists("/editions"));
        assertThat(created).isFalse();
    }

    private static String string(Value value) {
        try {
            return value.getString();
        } catch (javax.jcr.RepositoryException e) {
            throw new IllegalStateException(e);
        }
    }
}
