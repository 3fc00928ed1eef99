package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.config.SettingsLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Unmatched;

/**
 * {@code java -jar usines-ouvertes.jar [--name VALUE ...]}: starts the platform and returns with its threads running;
 * a shutdown hook closes it. The settings are options (listed by {@code --help}); an unknown {@code --name} is left
 * unmatched and handed to the settings loader, which names the unknown setting and lists the known ones, as it does
 * for the config file.
 */
@Command(name = "usines-ouvertes",
        description = "Starts the platform (site, Delivery API, back office) with the settings below, or runs one of the "
                + "commands.",
        optionListHeading = "%nSettings (also settable as 'name: value' in config/platform.yaml or the --config file; "
                + "the command line wins):%n",
        commandListHeading = "%nCommands (each with --help):%n",
        footer = {"", "Exit status: 0 done, 1 failed or refused, 2 bad usage or configuration, "
                + "3 data folder in use by another platform process."},
        subcommands = {ExportCommand.class, ImportCommand.class, AccountsCommand.class, PublishingCommand.class,
                SearchCommand.class, RepositoryCommand.class, BackupCommand.class, RestoreCommand.class,
                WarmUpCommand.class})
final class StartCommand implements Callable<Integer>, StartsPlatform {

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Shows this help")
    boolean help;

    @Unmatched
    List<String> unmatched = new ArrayList<>();

    private SettingOptions settings;
    private volatile Platform platform;

    @Override
    public void settingOptions(SettingOptions options) {
        this.settings = options;
    }

    @Override
    public Integer call() throws Exception {
        Platform started = settings.start(SettingsLoader.parseArguments(unmatched.toArray(String[]::new)));
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "shutdown"));
        platform = started;
        return PlatformCommandLine.DONE;
    }

    Platform platform() {
        return platform;
    }
}
