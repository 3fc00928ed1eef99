package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Dispatches the command line to the commands modules contribute; the platform options {@code --data},
 * {@code --config} and {@code --clock} are read as settings and the repository of the (stopped) data folder opened.
 */
public final class ModuleCommands {

    private static final Set<String> PLATFORM_OPTIONS = Set.of("--data", "--config", "--clock");

    private final List<PlatformModule> modules;
    private final PrintStream out;
    private final PrintStream err;

    public ModuleCommands(List<PlatformModule> modules, PrintStream out, PrintStream err) {
        this.modules = modules;
        this.out = out;
        this.err = err;
    }

    /** The command the first argument names, if a module contributes it. */
    public Optional<ModuleCommand> find(String[] args) {
        if (args.length == 0) {
            return Optional.empty();
        }
        return modules.stream().flatMap(m -> m.commands().stream()).filter(c -> c.name().equals(args[0])).findFirst();
    }

    /** Every contributed command's usage. */
    public String usage() {
        StringBuilder usage = new StringBuilder();
        modules.stream().flatMap(m -> m.commands().stream()).forEach(c -> usage.append(c.usage()));
        return usage.toString();
    }

    /** Runs the command the first argument names; returns the exit status. */
    public int run(String[] args) {
        Optional<ModuleCommand> command = find(args);
        if (command.isEmpty()) {
            err.println("Unknown command" + (args.length > 0 ? " '" + args[0] + "'" : ""));
            return 2;
        }
        if (List.of(args).contains("--help")) {
            out.print(command.get().usage());
            return 0;
        }
        List<String> arguments = new ArrayList<>();
        List<String> settingArgs = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (PLATFORM_OPTIONS.contains(args[i])) {
                if (i + 1 >= args.length) {
                    err.println("'" + args[i] + "' needs a value");
                    return 2;
                }
                settingArgs.add(args[i]);
                settingArgs.add(args[++i]);
            } else {
                arguments.add(args[i]);
            }
        }
        try {
            Settings settings = PlatformLauncher.settingsLoader(modules).load(settingArgs.toArray(String[]::new));
            try (ContentRepository repository =
                         ContentRepository.open(new SegmentStoreBackend(settings.get(CoreSettings.DATA)))) {
                Clock clock = settings.get(CoreSettings.CLOCK) != null ? settings.get(CoreSettings.CLOCK)
                        : Clock.systemDefaultZone();
                return command.get().run(List.copyOf(arguments), new CommandContext(repository, settings, clock, out, err));
            }
        } catch (SettingsException e) {
            err.println(e.getMessage());
            return 2;
        } catch (RepositoryLockedException e) {
            err.println(e.getMessage());
            return 3;
        }
    }
}
