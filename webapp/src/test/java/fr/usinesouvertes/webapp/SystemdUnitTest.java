package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The systemd unit shipped in packaging/ starts the packaged jar and passes systemd's own check. */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("../packaging/systemd/usines-ouvertes.service");

    @Test
    void theUnitStartsThePackagedJarWithItsSettingsAndDataFolder() throws IOException {
        String unit = Files.readString(UNIT, StandardCharsets.UTF_8);

        assertThat(unit).contains("ExecStart=/usr/bin/java ")
                .contains("-jar /opt/usines-ouvertes/usines-ouvertes.jar")
                .contains("--config /etc/usines-ouvertes/platform.yaml")
                .contains("--data /var/lib/usines-ouvertes")
                .contains("SuccessExitStatus=143")
                .contains("ReadWritePaths=/var/lib/usines-ouvertes");
        assertThat(Files.readString(Path.of("pom.xml"), StandardCharsets.UTF_8))
                .as("the jar the unit starts is the one the build packages").contains("<finalName>usines-ouvertes</finalName>");
    }

    @Test
    void systemdAcceptsTheUnit() throws Exception {
        Path analyze = Path.of("/usr/bin/systemd-analyze");
        assumeTrue(Files.isExecutable(analyze), "systemd-analyze is not installed here");
        Process verify = new ProcessBuilder(analyze.toString(), "verify", UNIT.toAbsolutePath().normalize().toString())
                .redirectErrorStream(true).start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(verify.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(verify.exitValue()).as(output).isZero();
        assertThat(output).as("systemd's warnings").doesNotContain("Unknown", "Invalid", "Failed");
    }
}
