package fr.usinesouvertes.webapp;

import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.command.PlatformCommandLine;
import java.io.PrintWriter;

/**
 * {@code java -jar usines-ouvertes.jar [--name value ...]} starts the platform with the embedded defaults;
 * {@code java -jar usines-ouvertes.jar <command> ...} runs a command ({@code --help} lists them).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PlatformCommandLine commandLine = new PlatformCommandLine(PlatformLauncher.discoverModules(),
                new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        int status = commandLine.execute(args);
        if (!commandLine.serving()) {
            System.exit(status);
        }
    }
}
