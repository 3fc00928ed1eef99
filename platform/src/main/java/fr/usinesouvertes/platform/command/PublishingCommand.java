package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.publishing.Publishing;
import fr.usinesouvertes.platform.publishing.PublishingException;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code publishing publish|unpublish|status <workspace> <path>}: starts the platform on the data folder of a
 * stopped platform (port 0, loopback), publishes, unpublishes or prints the status of a node, and stops.
 * Exit status: 0 done, 1 refused (the reason is printed).
 */
@Command(name = "publishing", description = {"Publishes or unpublishes a node of an editorial workspace (website, dam, "
        + "content types), or prints its status, on a stopped platform's data folder."},
        subcommands = {PublishingCommand.Publish.class, PublishingCommand.Unpublish.class, PublishingCommand.Status.class})
final class PublishingCommand {

    /** The node and the platform every action starts. */
    abstract static class Action implements Callable<Integer>, StartsPlatform {

        @Parameters(index = "0", paramLabel = "<workspace>", description = "e.g. website, dam")
        String workspace;

        @Parameters(index = "1", paramLabel = "<path>", description = "e.g. /journees-usines-ouvertes/presse")
        String path;

        @Spec
        CommandSpec spec;

        private SettingOptions settings;

        @Override
        public void settingOptions(SettingOptions options) {
            this.settings = options;
        }

        @Override
        public Integer call() throws Exception {
            try (Platform platform = settings.start(Map.of("port", "0", "host", "127.0.0.1"))) {
                Publishing publishing = platform.publishing();
                apply(publishing);
                spec.commandLine().getOut().println(workspace + ":" + path + " " + publishing.status(workspace, path));
                return PlatformCommandLine.DONE;
            } catch (PublishingException e) {
                spec.commandLine().getErr().println("Refused (" + e.code() + "): " + e.getMessage());
                return PlatformCommandLine.FAILED;
            }
        }

        abstract void apply(Publishing publishing);
    }

    @Command(name = "publish", description = "Publishes the node (a new version), and its sub-pages if asked.")
    static final class Publish extends Action {

        @Option(names = "--with-sub-pages", description = "Publishes the pages below it too")
        boolean withSubPages;

        @Option(names = "--by", paramLabel = "LOGIN", defaultValue = "command-line",
                description = "Recorded as the publisher (default: ${DEFAULT-VALUE})")
        String by;

        @Override
        void apply(Publishing publishing) {
            publishing.publish(by, workspace, path, withSubPages, "Published from the command line");
        }
    }

    @Command(name = "unpublish", description = "Removes the node from the published site; its draft stays.")
    static final class Unpublish extends Action {

        @Option(names = "--by", paramLabel = "LOGIN", defaultValue = "command-line",
                description = "Recorded as the one who unpublished (default: ${DEFAULT-VALUE})")
        String by;

        @Override
        void apply(Publishing publishing) {
            publishing.unpublish(by, workspace, path);
        }
    }

    @Command(name = "status", description = "Prints the node's publication status.")
    static final class Status extends Action {

        @Override
        void apply(Publishing publishing) {
        }
    }
}
