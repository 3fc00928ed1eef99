package fr.usinesouvertes.webapp;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/** The packaged platform jar running as a separate process, with its output captured line by line. */
final class JarProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("ready at (http://\\S+) \\(started in (\\d+) ms\\)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();

    private JarProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::drain, "jar-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code java -jar usines-ouvertes.jar} in {@code workingDirectory} with the given arguments. */
    static JarProcess start(Path workingDirectory, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", jar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectErrorStream(true).start();
        return new JarProcess(process);
    }

    static Path jar() {
        return Path.of(System.getProperty("platform.jar", "target/usines-ouvertes.jar")).toAbsolutePath();
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void drain() {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                output.add(line);
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }

    /** Waits for the ready line and returns the base URL it names. */
    URI awaitReady(Duration timeout) {
        try {
            return await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                    .until(this::readyUri, Objects::nonNull);
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("No ready line within " + timeout + ":\n" + output(), e);
        }
    }

    /** The base URL of the ready line, null while there is none; fails once the process has exited without one. */
    private URI readyUri() {
        for (String line : output) {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                return URI.create(matcher.group(1));
            }
        }
        if (!process.isAlive()) {
            throw new IllegalStateException("The platform exited with " + process.exitValue() + ":\n" + output());
        }
        return null;
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The platform did not exit within " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    String output() {
        return String.join("\n", output);
    }

    /** Ends the process as {@code kill -9} would: no shutdown hook runs. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                killHard();
            }
        }
    }
}
