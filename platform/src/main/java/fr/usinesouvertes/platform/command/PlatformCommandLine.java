package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import fr.usinesouvertes.platform.module.ModuleException;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.repository.StoreBackends;
import java.io.PrintWriter;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * The command line of {@code java -jar usines-ouvertes.jar}, through picocli: without a subcommand it starts the
 * platform ({@link StartCommand}); its subcommands are the platform's ({@code export}, {@code import}, {@code accounts},
 * {@code publishing}, {@code search}) and the modules' ({@link PlatformModule#commands()}).
 *
 * <p>Each {@link ModuleCommand} gets the data-folder options ({@link DataFolderOptions}) and runs on the repository
 * of that (stopped) folder, opened here; each {@link StartsPlatform} command gets every setting as an option.
 * Exit status, for every command: 0 done, 1 failed or refused, 2 bad usage or configuration, 3 data folder in use.
 */
public final class PlatformCommandLine {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_USAGE = 2;
    public static final int DATA_FOLDER_IN_USE = 3;

    private static final String DATA_FOLDER_MIXIN = "data-folder";

    private final CommandLine commandLine;
    private final StartCommand start;

    public PlatformCommandLine(List<PlatformModule> modules, PrintWriter out, PrintWriter err) {
        CommandEnvironment environment = new CommandEnvironment(modules);
        this.start = new StartCommand();
        this.commandLine = new CommandLine(start, new Factory(environment));
        for (PlatformModule module : modules) {
            module.commands().forEach(commandLine::addSubcommand);
        }
        prepare(commandLine, environment, Collections.newSetFromMap(new IdentityHashMap<>()));
        commandLine.setOut(out).setErr(err)
                .setExecutionStrategy(this::execute)
                .setExecutionExceptionHandler(this::failed);
    }

    /** Runs the command the arguments name and returns its exit status; the output is flushed. */
    public int execute(String... args) {
        try {
            return commandLine.execute(args);
        } finally {
            commandLine.getOut().flush();
            commandLine.getErr().flush();
        }
    }

    /** Whether the platform was started (no subcommand) and keeps running after {@link #execute} returned. */
    public boolean serving() {
        return start.platform() != null;
    }

    /** Adds the data-folder options to module commands and the setting options to commands starting a platform. */
    private static void prepare(CommandLine line, CommandEnvironment environment, Set<CommandLine> seen) {
        if (!seen.add(line)) {
            return; // a subcommand's aliases map to the same CommandLine
        }
        if (line.getParent() != null && line.getCommandSpec().unmatchedArgsBindings().isEmpty()) {
            // picocli hands the top command's tolerance of unmatched arguments (its settings) down to subcommands
            line.getCommandSpec().parser().unmatchedArgumentsAllowed(false);
        }
        if (line.getCommand() instanceof ModuleCommand) {
            line.addMixin(DATA_FOLDER_MIXIN, new DataFolderOptions(environment));
        }
        if (line.getCommand() instanceof StartsPlatform command) {
            command.settingOptions(SettingOptions.addTo(line.getCommandSpec(), environment));
        }
        line.getSubcommands().values().forEach(sub -> prepare(sub, environment, seen));
    }

    /**
     * Picocli's own strategy (run the last subcommand) for every command but a {@link ModuleCommand}, which is no
     * {@code Callable}: it needs its data folder's repository, opened here for the time of the command.
     */
    private int execute(ParseResult parseResult) {
        List<CommandLine> parsed = parseResult.asCommandLineList();
        CommandLine last = parsed.get(parsed.size() - 1);
        if (!(last.getCommand() instanceof ModuleCommand command)) {
            return new CommandLine.RunLast().execute(parseResult);
        }
        Integer help = CommandLine.executeHelpRequest(parseResult);
        if (help != null) {
            return help;
        }
        try {
            Settings settings = ((DataFolderOptions) last.getMixins().get(DATA_FOLDER_MIXIN)).settings();
            try (ContentRepository repository = ContentRepository.open(StoreBackends.fromSettings(settings))) {
                int status = command.run(new CommandContext(repository, settings, DataFolderOptions.clock(settings),
                        last.getOut(), last.getErr()));
                last.setExecutionResult(status);
                return status;
            }
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            throw new ExecutionException(last, String.valueOf(e.getMessage()), e);
        }
    }

    /** Turns what a command threw into a message and an exit status. */
    private int failed(Exception e, CommandLine line, ParseResult parseResult) {
        PrintWriter err = line.getErr();
        if (e instanceof SettingsException) {
            err.println("Configuration error: " + e.getMessage());
            return BAD_USAGE;
        }
        if (e instanceof ModuleException) {
            err.println("Module error: " + e.getMessage().replace('\n', ' '));
            return BAD_USAGE;
        }
        if (e instanceof RepositoryLockedException) {
            err.println(e.getMessage() + (line.getCommand() == start ? ""
                    : line.getCommand() instanceof DataFolderInUseHint hint ? " (" + hint.whenDataFolderInUse() + ")"
                    : " (stop the platform before running '" + name(line) + "')"));
            return DATA_FOLDER_IN_USE;
        }
        if (line.getCommand() == start) {
            e.printStackTrace(err);
            err.println("The platform could not start: " + e.getMessage());
            return FAILED;
        }
        err.println(name(line) + " failed: " + e.getMessage());
        return FAILED;
    }

    /** The command's name as typed after the jar, e.g. {@code publishing publish}. */
    private String name(CommandLine line) {
        String qualified = line.getCommandSpec().qualifiedName(" ");
        return qualified.substring(qualified.indexOf(' ') + 1);
    }

    /** Creates the platform's commands and options that need the environment; anything else picocli's way. */
    private record Factory(CommandEnvironment environment) implements IFactory {

        @Override
        public <K> K create(Class<K> type) throws Exception {
            for (Constructor<?> constructor : type.getDeclaredConstructors()) {
                if (constructor.getParameterCount() == 1 && constructor.getParameterTypes()[0] == CommandEnvironment.class) {
                    constructor.setAccessible(true);
                    return type.cast(constructor.newInstance(environment));
                }
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
