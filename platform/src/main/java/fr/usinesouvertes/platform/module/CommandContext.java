package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.repository.ContentRepository;
import java.io.PrintStream;
import java.time.Clock;

/** What a module command works with: the data folder's repository, the settings, the platform clock, output. */
public record CommandContext(ContentRepository repository, Settings settings, Clock clock, PrintStream out,
                             PrintStream err) {
}
