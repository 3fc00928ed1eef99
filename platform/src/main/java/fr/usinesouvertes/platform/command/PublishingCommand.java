package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.publishing.PublishingException;
import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code publishing publish|unpublish|status <workspace> <path> [--with-sub-pages] [--by LOGIN] [settings…]}:
 * starts the platform on the data folder of a stopped platform (port 0), publishes, unpublishes or prints the
 * status of a node, and stops. Exit status: 0 done, 1 refused (the reason is printed), 2 bad arguments.
 */
public final class PublishingCommand {

    private static final List<String> ACTIONS = List.of("publish", "unpublish", "status");

    private final PrintStream out;
    private final PrintStream err;

    public PublishingCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && args[0].equals("publishing");
    }

    public static String usage() {
        return """
                  java -jar usines-ouvertes.jar publishing publish|unpublish|status <workspace> <path> [--with-sub-pages] [--by LOGIN] [--data DIR] [--config FILE]
                Publishes or unpublishes a node of an editorial workspace (website, dam, content types), or prints its status.
                """;
    }

    /** Runs the command; returns the process exit status. */
    public int run(String[] args) throws Exception {
        List<String> positional = new ArrayList<>();
        List<String> settings = new ArrayList<>(List.of("--port", "0", "--host", "127.0.0.1"));
        boolean withSubPages = false;
        String by = "command-line";
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--with-sub-pages")) {
                withSubPages = true;
            } else if (args[i].equals("--by") && i + 1 < args.length) {
                by = args[++i];
            } else if (args[i].startsWith("--")) {
                settings.add(args[i]);
                if (i + 1 < args.length) {
                    settings.add(args[++i]);
                }
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 3 || !ACTIONS.contains(positional.get(0))) {
            err.println("Expected: publishing publish|unpublish|status <workspace> <path>");
            err.print(usage());
            return 2;
        }
        String action = positional.get(0);
        String workspace = positional.get(1);
        String path = positional.get(2);
        try (Platform platform = PlatformLauncher.launch(settings.toArray(String[]::new))) {
            Publishing publishing = platform.publishing();
            switch (action) {
                case "publish" -> publishing.publish(by, workspace, path, withSubPages, "Published from the command line");
                case "unpublish" -> publishing.unpublish(by, workspace, path);
                default -> { }
            }
            out.println(workspace + ":" + path + " " + publishing.status(workspace, path));
            return 0;
        } catch (PublishingException e) {
            err.println("Refused (" + e.code() + "): " + e.getMessage());
            return 1;
        }
    }
}
