package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options shared by every command working on a data folder (the platform's and the modules'): which folder,
 * which config file, and the platform clock. {@link PlatformCommandLine} adds them to each {@code ModuleCommand};
 * the platform's other data-folder commands declare them with {@code @Mixin}.
 */
final class DataFolderOptions {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Data folder (default: the config file's 'data', else the folder 'data')")
    String data;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Config file of 'name: value' settings (default: config/platform.yaml when it exists)")
    Path config;

    @Option(names = "--clock", paramLabel = "TIME",
            description = "The platform clock starts at this instant, e.g. 2026-02-10T10:00:00+01:00 (default: now)")
    String clock;

    private final CommandEnvironment environment;

    DataFolderOptions(CommandEnvironment environment) {
        this.environment = environment;
    }

    /** The config file's settings (every module's keys allowed), then these options. */
    Settings settings() {
        Map<String, String> given = new LinkedHashMap<>();
        if (data != null) {
            given.put(CoreSettings.DATA.name(), data);
        }
        if (clock != null) {
            given.put(CoreSettings.CLOCK.name(), clock);
        }
        return environment.settingsLoader().load(config, given);
    }

    static Clock clock(Settings settings) {
        return settings.get(CoreSettings.CLOCK) != null ? settings.get(CoreSettings.CLOCK) : Clock.systemDefaultZone();
    }
}
