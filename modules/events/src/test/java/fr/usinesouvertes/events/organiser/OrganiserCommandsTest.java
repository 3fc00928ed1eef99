package fr.usinesouvertes.events.organiser;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.EventsModule;
import fr.usinesouvertes.events.booking.BookingRequest;
import fr.usinesouvertes.events.booking.SlotBooking;
import fr.usinesouvertes.events.edition.BundledEditions;
import fr.usinesouvertes.events.mail.MailKind;
import fr.usinesouvertes.events.mail.MailQueue;
import fr.usinesouvertes.events.mail.QueuedMail;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.command.PlatformCommandLine;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The organisers' commands, run like {@code java -jar usines-ouvertes.jar ...} on a stopped data folder. */
class OrganiserCommandsTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private String slot2025;

    @BeforeEach
    void content() {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            BundledEditions.importInto(repository);
            EventFixtures fixtures = new EventFixtures(repository);
            String colas = fixtures.company("colas", "Colas");
            String santes = fixtures.site("colas-santes", colas, "Site de Santes", "Santes", "59", "Hauts-de-France");
            String evry = fixtures.site("upsa-evry", colas, "Site d'Évry", "Évry", "91", "Île-de-France");
            fixtures.sheet(2025, "colas-santes", santes, "published");
            slot2025 = fixtures.slot(2025, "colas-santes", paris(2025, 4, 4, 9, 0), paris(2025, 4, 4, 11, 0), 30,
                    List.of("school", "public"));
            fixtures.sheet(2026, "colas-santes", santes, "published");
            fixtures.sheet(2026, "upsa-evry", evry, "published");
            String slot2026 = fixtures.slot(2026, "upsa-evry", paris(2026, 3, 20, 9, 0), paris(2026, 3, 20, 11, 0), 30,
                    List.of("public"));
            fixtures.recruitmentNeed(2026, "upsa-evry", "Technicien de maintenance", 3, "CDI");
            fixtures.recruitmentNeed(2026, "colas-santes", "=Conducteur d'engins", 2, "Alternance");
            SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
            booking.book(registration(slot2025, 2, "anne@example.org", "Anne Dupont", "public"));
            booking.book(registration(slot2025, 25, "prof@example.org", "M. Durand", "school"));
            booking.book(registration(slot2026, 1, "paul@example.org", "Paul Martin", "public"));
        }
    }

    private static BookingRequest registration(String slot, int persons, String email, String name, String audience) {
        return new BookingRequest(slot, persons, email, node -> {
            node.setProperty("email", email);
            node.setProperty("name", name);
            node.setProperty("audience", audience);
            node.setProperty("phone", "0601020304");
        });
    }

    private int run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data", data.toString()));
        return new PlatformCommandLine(List.of(new EventsModule()), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(all.toArray(String[]::new));
    }

    @Test
    void exportsAnEditionsRegistrationsToCsv() throws Exception {
        Path csv = data.resolveSibling(data.getFileName() + "-inscriptions.csv");
        assertThat(run("registrations", "export", "--edition", "2026", "--to", csv.toString())).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("Entreprise;Site", "Paul Martin", "paul@example.org", "Site d'Évry")
                .doesNotContain("anne@example.org");
        Files.delete(csv);
        assertThat(run("registrations", "export", "--edition", "2025", "--site", "colas-santes", "--to",
                csv.toString())).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("anne@example.org", "M. Durand");
        Files.delete(csv);
    }

    @Test
    void purgeRefusesBeforeTheEditionIsOver() {
        assertThat(run("registrations", "purge", "--edition", "2025", "--clock", "2025-04-05T20:00:00+02:00"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not over", "2025-04-05");
        assertThat(registrations(slot2025)).allSatisfy(r -> assertThat(r).contains("email="));
    }

    @Test
    void purgeAfterTheEditionDeletesPersonalDataAndKeepsCounts() {
        assertThat(run("registrations", "purge", "--edition", "2025", "--clock", "2025-04-06T09:00:00+02:00")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2 registrations");
        List<String> purged = registrations(slot2025);
        assertThat(purged).hasSize(2).allSatisfy(r -> assertThat(r)
                .doesNotContain("email=", "name=", "phone=", "@example.org").contains("purged=true"));
        assertThat(purged).anySatisfy(r -> assertThat(r).contains("audience=public", "persons=2"))
                .anySatisfy(r -> assertThat(r).contains("audience=school", "persons=25"));
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(new SlotBooking(repository, Clock.systemUTC()).placesLeft(slot2025)).isEqualTo(3);
        }
    }

    @Test
    void exportsRecruitmentNeedsPerRegion() throws Exception {
        Path csv = data.resolveSibling(data.getFileName() + "-recrutement.csv");
        assertThat(run("recruitment", "export", "--edition", "2026", "--to", csv.toString())).isZero();
        String all = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(all).contains("Technicien de maintenance;3;CDI", "'=Conducteur d'engins;2;Alternance");
        assertThat(run("recruitment", "export", "--edition", "2026", "--region", "ile-de-france", "--to",
                csv.toString())).isZero();
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("Technicien").doesNotContain("Conducteur");
        Files.delete(csv);
    }

    @Test
    void listsGivenUpMailsAndQueuesThemAgain() throws Exception {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            MailQueue queue = new MailQueue(repository, Clock.systemUTC());
            repository.write(session -> {
                queue.enqueue(session, QueuedMail.of(MailKind.CONFIRMATION, "0b7d6c2e-1111-4222-8333-444455556666",
                        "https://example.org", null));
                return null;
            });
            queue.settle(List.of(), List.of(new MailQueue.Failure(queue.pending().get(0), "SMTP server down", true)),
                    Duration.ofSeconds(1), 3);
        }

        assertThat(run("mail-queue", "list")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("0 waiting, 1 given up",
                "CONFIRMATION registration 0b7d6c2e-1111-4222-8333-444455556666, 1 attempt(s), last error: SMTP server down");
        assertThat(run("mail-queue", "retry")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 given-up e-mail(s) queued again");
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            MailQueue queue = new MailQueue(repository, Clock.systemUTC());
            assertThat(queue.failed()).isEmpty();
            assertThat(queue.pending()).singleElement().extracting(QueuedMail::attempts).isEqualTo(0);
        }
        assertThat(run("mail-queue", "purge")).isEqualTo(2);
    }

    @Test
    void badArgumentsAreUsageErrors() {
        assertThat(run("registrations", "export", "--edition", "deux-mille", "--to", "x.csv")).isEqualTo(2);
        assertThat(run("recruitment", "export", "--edition", "2026")).isEqualTo(2);
        assertThat(run("registrations", "delete")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--edition needs a year", "--to needs");
    }

    private List<String> registrations(String slotId) {
        try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
            return repository.read(session -> {
                List<String> rows = new ArrayList<>();
                for (NodeIterator it = session.getNode("/registrations/" + slotId).getNodes(); it.hasNext(); ) {
                    Node node = it.nextNode();
                    StringBuilder row = new StringBuilder();
                    for (String name : List.of("email", "name", "phone", "audience", "persons", "purged")) {
                        if (node.hasProperty(name)) {
                            row.append(name).append('=').append(node.getProperty(name).getString()).append(' ');
                        }
                    }
                    rows.add(row.toString());
                }
                return rows;
            });
        }
    }
}
