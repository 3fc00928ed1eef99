package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/usines-ouvertes, the start command of the README, starts the jar with the node's JVM options (or JAVA_OPTS),
 * passes every argument on, and the systemd unit uses the same options. A stand-in {@code java} records what it is
 * given: the real start is covered by ExecutableJarIT.
 */
class LauncherTest {

    private static final Path LAUNCHER = Path.of("../bin/usines-ouvertes").toAbsolutePath().normalize();

    @TempDir
    Path folder;

    @Test
    void startsTheJarWithTheNodesJvmOptionsAndPassesTheArgumentsOn() throws Exception {
        Run run = run(Map.of(), "--port", "8081", "--data", "data node");

        assertThat(run.exit).isZero();
        assertThat(run.arguments).containsSubsequence("-Xmx256m", "-XX:+UseSerialGC", "-jar",
                folder.resolve("platform.jar").toString(), "--port", "8081", "--data", "data node");
        assertThat(run.environment).contains("MALLOC_ARENA_MAX=2");

        String unit = Files.readString(Path.of("../packaging/systemd/usines-ouvertes.service"), StandardCharsets.UTF_8);
        String options = run.arguments.subList(0, run.arguments.indexOf("-jar")).stream()
                .reduce((a, b) -> a + " " + b).orElseThrow();
        assertThat(unit).as("the systemd unit starts Java with the launcher's options")
                .contains("ExecStart=/usr/bin/java " + options + " -jar").contains("Environment=MALLOC_ARENA_MAX=2");
    }

    @Test
    void javaOptsReplaceTheDefaults() throws Exception {
        Run run = run(Map.of("JAVA_OPTS", "-Xmx1g -XX:+UseG1GC"), "--help");

        assertThat(run.arguments).startsWith("-Xmx1g", "-XX:+UseG1GC", "-jar").doesNotContain("-Xmx256m");
    }

    @Test
    void aMissingJarSaysHowToBuildIt() throws Exception {
        Map<String, String> environment = Map.of("USINES_OUVERTES_JAR", folder.resolve("missing.jar").toString());
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process missing = builder.start();
        String output = new String(missing.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(missing.waitFor(30, TimeUnit.SECONDS)).isTrue();

        assertThat(missing.exitValue()).isEqualTo(1);
        assertThat(output).contains("missing.jar is missing").contains("mvn -B -DskipTests package");
    }

    private record Run(int exit, List<String> arguments, String environment) {
    }

    /** Runs the launcher with a stand-in java that writes its arguments, one per line, and its environment. */
    private Run run(Map<String, String> environment, String... arguments) throws Exception {
        Path jar = Files.writeString(folder.resolve("platform.jar"), "not a jar");
        Path java = folder.resolve("java");
        Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$(dirname \"$0\")/arguments\"\n"
                + "env > \"$(dirname \"$0\")/environment\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new java.util.ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().putAll(Map.of("JAVA", java.toString(), "USINES_OUVERTES_JAR", jar.toString()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        return new Run(process.exitValue(), Files.readAllLines(folder.resolve("arguments")),
                Files.readString(folder.resolve("environment")));
    }
}
