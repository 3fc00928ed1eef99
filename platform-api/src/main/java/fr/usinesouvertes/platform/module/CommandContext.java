package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What a {@link ModuleCommand} works with: the data folder's repository (opened for the command, closed after it),
 * the settings (config file, then {@code --data}, {@code --config}, {@code --clock}), the platform clock ({@code --clock}
 * or the system's) and the command line's output and error streams.
 */
public record CommandContext(ContentRepository repository, Settings settings, Clock clock, PrintWriter out,
                             PrintWriter err) {
}
