package fr.usinesouvertes.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
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
        Run run = run(Map.of("USINES_OUVERTES_CDS", "off"), "--port", "8081", "--data", "data node");

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
    void keepsAClassDataArchiveMadeFromTheFirstStartsClassList() throws Exception {
        Path classes = folder.resolve("platform.jsa.classes");
        Path archive = folder.resolve("platform.jsa");

        Run first = run(Map.of());
        assertThat(first.arguments).as("the first start lists the classes it loads")
                .contains("-XX:DumpLoadedClassList=" + classes).doesNotContainSubsequence("-Xshare:dump");

        Files.writeString(classes, "java/lang/Object id: 0\nfr/usinesouvertes/platform/Platform\n"
                + "@lambda-proxy fr/usinesouvertes/platform/Platform run ()Ljava/lang/Runnable;\n");
        Run second = run(Map.of());
        assertThat(second.calls).as("the next start makes the archive from the list, without its lambda entries")
                .anySatisfy(call -> assertThat(call).contains("-Xshare:dump", "-XX:SharedArchiveFile=" + archive));
        assertThat(Files.readString(folder.resolve("dumped-list"))).contains("fr/usinesouvertes/platform/Platform")
                .doesNotContain("@lambda-proxy");
        assertThat(second.arguments).as("and starts with it").contains("-XX:SharedArchiveFile=" + archive)
                .containsSubsequence("-Xmx256m", "-jar");
        assertThat(classes).doesNotExist();

        Run third = run(Map.of());
        assertThat(third.calls).as("later starts only use it").hasSize(1);
        assertThat(third.arguments).contains("-XX:SharedArchiveFile=" + archive);

        Files.setLastModifiedTime(folder.resolve("platform.jar"), FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = run(Map.of());
        assertThat(rebuilt.arguments).as("a newer jar starts the cycle again")
                .contains("-XX:DumpLoadedClassList=" + classes).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        assertThat(archive).doesNotExist();
    }

    @Test
    void javaOptsReplaceTheDefaults() throws Exception {
        Run run = run(Map.of("JAVA_OPTS", "-Xmx1g -XX:+UseG1GC", "USINES_OUVERTES_CDS", "off"), "--help");

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

    /** The last call's arguments (the start) and every call's, the archive's making included. */
    private record Run(int exit, List<String> arguments, String environment, List<List<String>> calls) {
    }

    /**
     * Runs the launcher with a stand-in java that writes its arguments, one per line, and its environment; given
     * -Xshare:dump, it keeps the class list it was given and writes the archive.
     */
    private Run run(Map<String, String> environment, String... arguments) throws Exception {
        Path jar = folder.resolve("platform.jar");
        if (!Files.exists(jar)) {
            // built a minute ago: the launcher compares its files' times with the jar's, to the second on some shells
            Files.writeString(jar, "not a jar");
            Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        }
        Files.deleteIfExists(folder.resolve("calls"));
        Path java = folder.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                here=$(dirname "$0")
                for a in "$@"; do printf '%s\\n' "$a"; done > "$here/arguments"
                { cat "$here/arguments"; echo ---; } >> "$here/calls"
                env > "$here/environment"
                case " $* " in *" -Xshare:dump "*)
                  for a in "$@"; do
                    case "$a" in
                      -XX:SharedClassListFile=*) cp "${a#*=}" "$here/dumped-list" ;;
                      -XX:SharedArchiveFile=*) echo archive > "${a#*=}" ;;
                    esac
                  done ;;
                esac
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().putAll(Map.of("JAVA", java.toString(), "USINES_OUVERTES_JAR", jar.toString()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(output).isTrue();
        List<List<String>> calls = new ArrayList<>();
        List<String> call = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("calls"))) {
            if (line.equals("---")) {
                calls.add(call);
                call = new ArrayList<>();
            } else {
                call.add(line);
            }
        }
        return new Run(process.exitValue(), Files.readAllLines(folder.resolve("arguments")),
                Files.readString(folder.resolve("environment")), calls);
    }
}
