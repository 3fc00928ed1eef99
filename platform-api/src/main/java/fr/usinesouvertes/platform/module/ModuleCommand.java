package fr.usinesouvertes.platform.module;

/**
 * A command-line tool run on a stopped platform's data folder, e.g. {@code registrations export}: a
 * <a href="https://picocli.info">picocli</a> command object ({@code @Command(name = ...)} with its
 * {@code @Option}s and {@code @Parameters}) that implements this interface. A module returns such objects (or
 * {@code @Command} classes grouping them as subcommands) from {@link PlatformModule#commands()}.
 *
 * <p>The platform adds the data-folder options {@code --data DIR}, {@code --config FILE} and {@code --clock TIME}
 * to the command, parses the command line, opens the repository of the data folder and calls {@link #run}; it
 * prints the usage and exits with 2 on a parse error, and exits with 3 when a running platform holds the folder.
 */
public interface ModuleCommand {

    /**
     * Runs with the options parsed into this object's fields; returns the exit status: 0 done, 1 refused or failed
     * (message on {@code context.err()}). Bad usage found only here (a value the annotations cannot check): throw
     * picocli's {@code ParameterException}, which prints the message and the usage and exits with 2.
     */
    int run(CommandContext context) throws Exception;
}
