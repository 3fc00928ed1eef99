package fr.usinesouvertes.events.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.usinesouvertes.platform.content.BootstrapImporter;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.MemoryStoreBackend;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EditionStoreTest {

    private ContentRepository repository;
    private EditionStore store;

    @BeforeEach
    void open() {
        repository = ContentRepository.open(new MemoryStoreBackend());
        store = new EditionStore(repository, java.time.ZoneId.of("Europe/Paris"));
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void keepsEditionsUntilACommitChangesThemWhoeverMadeIt() {
        BundledEditions.importInto(repository);
        List<Edition> first = store.all();
        assertThat(store.find(2026).orElseThrow().days()).hasSize(2);

        repository.write(session -> session.getRootNode().addNode("elsewhere", "nt:unstructured"));
        assertThat(store.all()).as("not read again after a write to another tree").isSameAs(first);

        repository.write(session -> {
            session.getNode("/" + EditionNodes.WORKSPACE + "/2026/days").getNodes().nextNode().remove();
            return null;
        });
        assertThat(store.find(2026).orElseThrow().days()).hasSize(1);
        assertThat(new EditionStore(repository, java.time.ZoneId.of("Europe/Paris")).find(2026).orElseThrow().days()).hasSize(1);
    }

    @Test
    void bundledBootstrapInstallsThe2025And2026EditionsOnce() {
        // The module's other bootstrap files (companies, sites, event sheets) are imported alongside.
        assertThat(BundledEditions.importInto(repository)).filteredOn(r -> r.file().startsWith("editions."))
                .extracting(BootstrapImporter.Result::file, BootstrapImporter.Result::outcome)
                .containsExactly(tuple("editions.2025.yaml", BootstrapImporter.Outcome.IMPORTED),
                        tuple("editions.2026.yaml", BootstrapImporter.Outcome.IMPORTED));
        assertThat(BundledEditions.importInto(repository)).extracting(BootstrapImporter.Result::outcome)
                .containsOnly(BootstrapImporter.Outcome.ALREADY_IMPORTED);

        Edition edition2026 = store.find(2026).orElseThrow();
        assertThat(edition2026.days()).extracting(EventDay::date)
                .containsExactly(LocalDate.of(2026, 3, 20), LocalDate.of(2026, 3, 21));
        assertThat(edition2026.days().get(0).audiences())
                .containsExactlyInAnyOrder(Audience.SCHOOL, Audience.FRANCE_TRAVAIL, Audience.PUBLIC);
        assertThat(edition2026.days().get(1).audiences()).containsExactly(Audience.PUBLIC);
        assertThat(edition2026.windows().get(Audience.COMPANY).opens()).isEqualTo(Instant.parse("2025-09-22T22:00:00Z"));
        assertThat(edition2026.windows().get(Audience.SCHOOL).opens()).isEqualTo(Instant.parse("2025-11-30T23:00:00Z"));
        assertThat(edition2026.windows().get(Audience.FRANCE_TRAVAIL).opens()).isEqualTo(Instant.parse("2025-11-30T23:00:00Z"));
        assertThat(edition2026.windows().get(Audience.PUBLIC).opens()).isEqualTo(Instant.parse("2026-01-30T23:00:00Z"));
        assertThat(edition2026.window(Audience.COMPANY, "ILE-DE-FRANCE").orElseThrow().closes())
                .isEqualTo(Instant.parse("2026-03-05T22:59:59.999Z"));
        assertThat(edition2026.window(Audience.COMPANY, "Bretagne").orElseThrow().closes()).isNull();

        Edition edition2025 = store.find(2025).orElseThrow();
        assertThat(edition2025.days()).extracting(EventDay::date)
                .containsExactly(LocalDate.of(2025, 4, 4), LocalDate.of(2025, 4, 5));
        assertThat(edition2025.days().get(0).audiences()).containsExactly(Audience.SCHOOL);
        assertThat(edition2025.windows()).doesNotContainKey(Audience.FRANCE_TRAVAIL);
        assertThat(store.all()).extracting(Edition::year).containsExactly(2025, 2026);
        assertThat(store.editionOf(LocalDate.of(2026, 3, 21))).map(Edition::year).contains(2026);
        assertThat(store.editionOf(LocalDate.of(2025, 4, 4))).map(Edition::year).contains(2025);
        assertThat(store.editionOf(LocalDate.of(2026, 3, 22))).isEmpty();
    }

    @Test
    void bootstrapKeepsTheIdentifiersOfTheFile() {
        BundledEditions.importInto(repository);

        String uuid = repository.read(session -> session.getNode("/editions/2026").getIdentifier());

        assertThat(uuid).isEqualTo("1ef58247-88f6-4947-b8c0-c4878790f377");
    }

    @Test
    void anEditionWrittenThenReadIsTheSame() {
        Edition edition = new Edition(2027,
                List.of(new EventDay("saturday", LocalDate.of(2027, 3, 20), Set.of(Audience.PUBLIC)),
                        new EventDay("friday", LocalDate.of(2027, 3, 19), Set.of(Audience.SCHOOL, Audience.PUBLIC))),
                Map.of(Audience.PUBLIC, SignUpWindow.national(Audience.PUBLIC, Instant.parse("2027-01-30T23:00:00Z"), null),
                        Audience.COMPANY, SignUpWindow.national(Audience.COMPANY, Instant.parse("2026-09-20T22:00:00Z"),
                                Instant.parse("2027-03-01T22:59:59Z"))),
                List.of(SignUpWindow.regional("Hauts-de-France", Audience.PUBLIC, null, Instant.parse("2027-03-10T22:59:59Z"))));

        store.save(edition);
        store.save(edition); // saving again replaces, it does not duplicate

        assertThat(store.find(2027)).contains(edition);
        assertThat(store.find(2031)).isEmpty();
    }
}
