package fr.usinesouvertes.webapp;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.command.ModuleCommands;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.command.ContentCommand;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.command.PublishingCommand;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.command.SearchRebuildCommand;
import java.util.Arrays;

/** Starts the platform with the embedded defaults: {@code java -jar webapp/target/usines-ouvertes.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (ContentCommand.handles(args)) {
            System.exit(new ContentCommand(System.out, System.err).run(args));
        }
        if (fr.usinesouvertes.platform.command.AccountsCommand.handles(args)) {
            System.exit(new fr.usinesouvertes.platform.command.AccountsCommand(System.out, System.err).run(args));
        }
        if (SearchRebuildCommand.handles(args)) {
            System.exit(rebuildSearch(args));
        }
        if (PublishingCommand.handles(args)) {
            System.exit(publish(args));
        }
        ModuleCommands moduleCommands = new ModuleCommands(PlatformLauncher.discoverModules(), System.out, System.err);
        if (moduleCommands.find(args).isPresent()) {
            System.exit(moduleCommands.run(args));
        }
        if (Arrays.asList(args).contains("--help")) {
            System.out.print(PlatformLauncher.usage());
            System.out.print(ContentCommand.usage());
            System.out.print(SearchRebuildCommand.usage());
            System.out.print(PublishingCommand.usage());
            System.out.print(fr.usinesouvertes.platform.command.AccountsCommand.usage());
            System.out.print(moduleCommands.usage());
            return;
        }
        try {
            Platform platform = PlatformLauncher.launch(args);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close, "shutdown"));
        } catch (SettingsException e) {
            fail(2, "Configuration error: " + e.getMessage());
        } catch (ModuleException e) {
            fail(2, "Module error: " + e.getMessage().replace('\n', ' '));
        } catch (RepositoryLockedException e) {
            fail(3, e.getMessage());
        } catch (Exception e) {
            e.printStackTrace();
            fail(1, "The platform could not start: " + e.getMessage());
        }
    }

    private static int rebuildSearch(String[] args) {
        try {
            return new SearchRebuildCommand(System.out).run(args);
        } catch (RepositoryLockedException e) {
            System.err.println(e.getMessage() + " (stop the platform before rebuilding its search indexes)");
            return 3;
        } catch (Exception e) {
            System.err.println("Search rebuild failed: " + e.getMessage());
            return 1;
        }
    }

    private static int publish(String[] args) {
        try {
            return new PublishingCommand(System.out, System.err).run(args);
        } catch (RepositoryLockedException e) {
            System.err.println(e.getMessage() + " (stop the platform before publishing from the command line)");
            return 3;
        } catch (SettingsException e) {
            System.err.println("Configuration error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            System.err.println("Publishing failed: " + e.getMessage());
            return 1;
        }
    }

    private static void fail(int status, String message) {
        System.err.println(message);
        System.exit(status);
    }
}
