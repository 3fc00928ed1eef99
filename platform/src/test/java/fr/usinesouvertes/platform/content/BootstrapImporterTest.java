package fr.usinesouvertes.platform.content;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.content.BootstrapImporter.Outcome;
import fr.usinesouvertes.platform.content.BootstrapImporter.Result;
import fr.usinesouvertes.platform.lightmodule.LightModuleOrigins;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootstrapImporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-20T08:00:00Z"), ZoneOffset.UTC);
    private static final String HOME = "'home':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'Accueil'\n";
    private static final String NEWS = "'news':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'Actualités'\n";

    @TempDir
    Path lightModules;

    private ContentRepository repository;
    private BootstrapImporter importer;

    @BeforeEach
    void openRepository() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        importer = new BootstrapImporter(repository, CLOCK);
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    private void write(String module, String relativePath, String content) throws IOException {
        Path file = lightModules.resolve(module).resolve("bootstrap").resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private List<Result> importAll() {
        return importAll(Map.of());
    }

    private List<Result> importAll(Map<String, String> classpathRoots) {
        BootstrapSources sources = new BootstrapSources(new LightModuleOrigins(lightModules, classpathRoots),
                BootstrapImporterTest.class.getClassLoader());
        return importer.importAll(sources);
    }

    private String title(String jcrPath) {
        return repository.read(session -> session.getProperty(jcrPath + "/title").getString());
    }

    @Test
    void importsShallowerFilesFirstAndRecordsEach() throws IOException {
        write("site", "website.home.news.yaml", NEWS);
        write("site", "website.home.yaml", HOME);

        List<Result> results = importAll();

        assertThat(results).extracting(Result::file, Result::outcome).containsExactly(
                org.assertj.core.groups.Tuple.tuple("website.home.yaml", Outcome.IMPORTED),
                org.assertj.core.groups.Tuple.tuple("website.home.news.yaml", Outcome.IMPORTED));
        assertThat(title("/website/home/news")).isEqualTo("Actualités");
        String record = repository.read(session -> {
            var node = session.getNode("/config/bootstrap/site/website.home.yaml");
            return node.getProperty("outcome").getString() + " " + node.getProperty("checksum").getString()
                    + " " + node.getProperty("importedAt").getDate().toInstant();
        });
        assertThat(record).isEqualTo("imported " + BootstrapImporter.sha256(HOME) + " 2026-03-20T08:00:00Z");
    }

    @Test
    void aModuleCanBootstrapUnderAnotherModulesPage() throws IOException {
        write("a-events", "website.home.events.yaml", "'events':\n  'jcr:primaryType': 'mgnl:page'\n  'title': 'Agenda'\n");
        write("site", "website.home.yaml", HOME);

        assertThat(importAll()).extracting(Result::outcome).containsOnly(Outcome.IMPORTED);
        assertThat(title("/website/home/events")).isEqualTo("Agenda");
    }

    @Test
    void recordedFileIsNeverImportedAgainSoEditsAreKept() throws IOException {
        write("site", "website.home.yaml", HOME);
        importAll();
        repository.write(session -> {
            session.getNode("/website/home").setProperty("title", "Accueil modifié");
            return null;
        });
        write("site", "website.home.yaml", HOME.replace("Accueil", "Accueil 2"));

        List<Result> results = importAll();

        assertThat(results).extracting(Result::outcome).containsExactly(Outcome.ALREADY_IMPORTED);
        assertThat(title("/website/home")).isEqualTo("Accueil modifié");
    }

    @Test
    void fileWhoseNodeAlreadyExistsIsSkippedAndRecorded() throws IOException {
        repository.write(session -> session.getNode("/website").addNode("home", "mgnl:page").setProperty("title", "Mine"));
        write("site", "website.home.yaml", HOME);

        List<Result> results = importAll();

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(Outcome.SKIPPED_EXISTING);
            assertThat(result.message()).isEqualTo("node /home of workspace 'website' already exists; it is kept as it is");
        });
        assertThat(title("/website/home")).isEqualTo("Mine");
        assertThat(importAll()).extracting(Result::outcome).containsExactly(Outcome.ALREADY_IMPORTED);
    }

    @Test
    void brokenFileIsReportedNotRecordedAndDoesNotStopTheOthers() throws IOException {
        write("site", "website.broken.yaml", "'broken':\n  'title': [\n");
        write("site", "website.home.yaml", HOME);

        List<Result> results = importAll();

        assertThat(results).filteredOn(result -> result.outcome() == Outcome.FAILED).singleElement()
                .satisfies(result -> assertThat(result.message()).startsWith("website.broken.yaml, line 3: invalid YAML"));
        assertThat(title("/website/home")).isEqualTo("Accueil");
        boolean recorded = repository.read(session -> session.nodeExists("/config/bootstrap/site/website.broken.yaml"));
        assertThat(recorded).isFalse();
    }

    @Test
    void classpathModuleFilesComeFromTheIndexAndAFolderModuleHidesThem() throws IOException {
        List<Result> results = importAll(Map.of("events", "bootstrap-classpath"));

        assertThat(results).extracting(Result::module, Result::file, Result::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("events", "data/website.events.yaml", Outcome.IMPORTED));
        String id = repository.read(session -> session.getNode("/website/events").getIdentifier());
        assertThat(id).isEqualTo("a8d3c8b2-0e55-4d0e-8d2f-2f4f8c9a0b01");
        boolean recorded = repository.read(session -> session.nodeExists("/config/bootstrap/events/data/website.events.yaml"));
        assertThat(recorded).isTrue();

        write("events", "website.other.yaml", "'other':\n  'jcr:primaryType': 'mgnl:page'\n");
        assertThat(importAll(Map.of("events", "bootstrap-classpath"))).extracting(Result::file)
                .containsExactly("website.other.yaml");
    }
}
