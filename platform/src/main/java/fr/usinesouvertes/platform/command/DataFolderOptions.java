package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.ClusterSettings;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
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

    /**
     * The settings of a data folder whose repository is a segment store (the files it copies), else null, once
     * {@code err} has told what to do with a PostgreSQL repository ({@code store: document}) instead, e.g.
     * "back it up with pg_dump".
     */
    Settings segmentStoreSettings(PrintWriter err, String withPostgres) {
        Settings settings = settings();
        if (settings.get(ClusterSettings.STORE) != ClusterSettings.Store.SEGMENT) {
            err.println("The repository lives in PostgreSQL (store: document): " + withPostgres);
            return null;
        }
        return settings;
    }

    /** Writes each line of a long operation's progress to {@code out} at once. */
    static Consumer<String> progress(PrintWriter out) {
        return line -> {
            out.println(line);
            out.flush();
        };
    }

    static Clock clock(Settings settings) {
        return settings.get(CoreSettings.CLOCK) != null ? settings.get(CoreSettings.CLOCK) : Clock.systemDefaultZone();
    }
}
