package fr.usinesouvertes.events.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.command.PlatformCommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchRebuildCommandTest {

    @TempDir
    Path data;

    @Test
    void rebuildsTheSitesIndexOfAStoppedPlatform() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            SearchFixtures fixtures = new SearchFixtures(repository);
            String company = fixtures.company("colas", "Colas", "BTP");
            String site = fixtures.site("colas-santes", company, "Site de Santes", "Santes", "59", "Hauts-de-France",
                    "BTP", 50.59, 2.96, "<p>Enrobés</p>");
            fixtures.sheet(2026, "colas-santes", site, "published",
                    new SearchFixtures.Slot("2026-10-09T09:00:00+02:00", 20, 0, List.of("public")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"search", "rebuild", "--data", data.toString(),
                "--light-modules", Path.of("target/no-light-modules").toAbsolutePath().toString()};

        int status = new PlatformCommandLine(PlatformLauncher.discoverModules(),
                new PrintWriter(out, true, StandardCharsets.UTF_8), new PrintWriter(System.err, true)).execute(args);

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("sites: 1 documents indexed");
        assertThat(data.resolve("search-index/sites")).isDirectory();
    }
}
