package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.command.PlatformCommandLine;
import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import fr.usinesouvertes.platform.testing.AdminBrowser;
import fr.usinesouvertes.platform.testing.PlatformExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The first administrator, from the settings at start and from the one-time command. */
class FirstAdministratorTest {

    private static final Path PASSWORD_FILE = passwordFile("phrase de passe du premier admin\n");

    @RegisterExtension
    static final PlatformExtension PLATFORM = PlatformExtension.withLightModules(Path.of("target/no-light-modules"))
            .inMemory()
            .setting("admin-login", "Organisation@Example.fr")
            .setting("admin-password-file", PASSWORD_FILE.toString());

    @Test
    void settingsCreateTheAdministratorWithTheFilesPasswordWithoutItsLineBreak() {
        Accounts accounts = PLATFORM.platform().accounts();

        assertThat(accounts.find("organisation@example.fr")).hasValueSatisfying(account ->
                assertThat(account.has(Role.ADMIN)).isTrue());
        assertThat(accounts.hasEnabledAdministrator()).isTrue();
        assertThat(AdminBrowser.on(PLATFORM).login("organisation@example.fr", "phrase de passe du premier admin")
                .statusCode()).isEqualTo(303);
    }

    @Test
    void commandCreatesAnAdministratorOnceInAStoppedDataFolder() throws IOException {
        Path data = Files.createTempDirectory("accounts-command");
        try {
            Run created = run("accounts", "create-admin", "--login", "chef@example.fr", "--password-file",
                    PASSWORD_FILE.toString(), "--data", data.toString());
            Run again = run("accounts", "create-admin", "--login", "chef@example.fr", "--password-file",
                    PASSWORD_FILE.toString(), "--data", data.toString());
            Run shortPassword = run("accounts", "create-admin", "--login", "autre@example.fr", "--password-file",
                    passwordFile("court").toString(), "--data", data.toString());
            Run missing = run("accounts", "create-admin", "--login", "autre@example.fr");

            assertThat(created.status()).as(created.err()).isZero();
            assertThat(created.out()).contains("Administrator chef@example.fr created");
            assertThat(again.status()).isEqualTo(1);
            assertThat(again.err()).contains("login").contains("existe déjà");
            assertThat(shortPassword.status()).isEqualTo(1);
            assertThat(shortPassword.err()).contains("password");
            assertThat(missing.status()).isEqualTo(2);
            try (ContentRepository repository = ContentRepository.open(new SegmentStoreBackend(data))) {
                Accounts accounts = new Accounts(repository, Clock.systemUTC());
                assertThat(accounts.authenticate("chef@example.fr", "phrase de passe du premier admin".toCharArray()))
                        .hasValueSatisfying(account -> assertThat(account.roles()).containsExactly(Role.ADMIN));
                assertThat(accounts.exists("autre@example.fr")).isFalse();
            }
        } finally {
            PlatformExtension.deleteRecursively(data);
        }
    }

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new PlatformCommandLine(List.of(), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path passwordFile(String content) {
        try {
            Path file = Files.createTempFile("admin-password", ".txt");
            Files.writeString(file, content);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
