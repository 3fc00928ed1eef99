package fr.usinesouvertes.platform.module;

import java.util.List;

/**
 * A command-line tool contributed by a module ({@link fr.usinesouvertes.platform.module.PlatformModule#commands()}):
 * {@code java -jar usines-ouvertes.jar <name> <arguments...> [--data DIR] [--config FILE] [--clock TIME]}.
 */
public interface ModuleCommand {

    /** The first command-line argument selecting this command, e.g. {@code registrations}. */
    String name();

    /** Usage lines, shown by {@code --help}. */
    String usage();

    /**
     * Runs with the arguments after the name (platform options removed); returns the exit status:
     * 0 done, 1 refused or failed (message on {@code context.err()}), 2 bad usage.
     */
    int run(List<String> arguments, CommandContext context);
}
