package fr.usinesouvertes.events.booking;

import static fr.usinesouvertes.events.site.EventFixtures.paris;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.events.registration.LinkSecret;
import fr.usinesouvertes.events.site.EventFixtures;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.command.PlatformCommandLine;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.jcr.Node;
import javax.jcr.NodeIterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A backup taken while the platform runs (bookings made through the booking service), restored into a fresh data
 * folder: the platform starts on it and finds every registration, and the secret signing the e-mailed links.
 */
class BackupRestoreTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PlatformCommandLine(PlatformLauncher.discoverModules(), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private Platform start(Path data) throws Exception {
        return PlatformLauncher.launch(new String[] {"--port", "0", "--host", "127.0.0.1", "--data", data.toString(),
                "--light-modules", Path.of("target/no-light-modules").toAbsolutePath().toString()});
    }

    @Test
    void aBackupOfARunningPlatformRestoredIntoAFreshFolderStartsWithEveryRegistration() throws Exception {
        Path data = work.resolve("data");
        Path backup = work.resolve("backup");
        Set<String> booked = new TreeSet<>();
        byte[] secret;
        try (Platform platform = start(data)) {
            ContentRepository repository = platform.repository();
            EventFixtures fixtures = new EventFixtures(repository);
            String company = fixtures.company("colas", "Colas");
            String site = fixtures.site("colas-santes", company, "Site de Santes", "Santes", "59", "Hauts-de-France");
            fixtures.sheet(2026, "colas-santes", site, "published");
            List<String> slots = new ArrayList<>();
            for (int day = 20; day <= 22; day++) {
                slots.add(fixtures.slot(2026, "colas-santes", paris(2026, 3, day, 9, 0), paris(2026, 3, day, 11, 0), 100,
                        List.of("public")));
            }
            SlotBooking booking = new SlotBooking(repository, Clock.systemUTC());
            for (int i = 0; i < 30; i++) {
                String email = "visiteur" + i + "@example.org";
                booking.book(new BookingRequest(slots.get(i % 3), 1 + i % 4, email, node -> {
                    node.setProperty("email", email);
                    node.setProperty("name", "Visiteur " + email);
                    node.setProperty("audience", "public");
                }));
            }
            booked.addAll(registrationEmails(repository));
            secret = LinkSecret.fromDataFolder(data);

            assertThat(run("backup", "--data", data.toString(), "--to", backup.toString())).as(err.toString()).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("writes the backup", "Backup of ");
        }
        assertThat(booked).hasSize(30);

        Path fresh = work.resolve("fresh");
        assertThat(run("restore", "--from", backup.toString(), "--data", fresh.toString())).as(err.toString()).isZero();

        try (Platform restored = start(fresh)) {
            assertThat(registrationEmails(restored.repository())).isEqualTo(booked);
            assertThat(restored.publishing()).isNotNull();
        }
        assertThat(LinkSecret.fromDataFolder(fresh)).isEqualTo(secret);
    }

    private static Set<String> registrationEmails(ContentRepository repository) {
        return repository.read(session -> {
            Set<String> emails = new TreeSet<>();
            for (NodeIterator slots = session.getNode("/registrations").getNodes(); slots.hasNext(); ) {
                for (NodeIterator registrations = slots.nextNode().getNodes(); registrations.hasNext(); ) {
                    Node registration = registrations.nextNode();
                    if (registration.hasProperty("email")) {
                        emails.add(registration.getProperty("email").getString());
                    }
                }
            }
            return emails;
        });
    }
}
