package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.content.ContentExportException;
import fr.usinesouvertes.platform.content.ContentImportException;
import fr.usinesouvertes.platform.content.MagnoliaYamlExporter;
import fr.usinesouvertes.platform.content.MagnoliaYamlImporter;
import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.RepositoryLockedException;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code export} and {@code import} commands of the executable jar, working on the data folder of a
 * stopped platform (a running one holds the folder's lock, and the command says so):
 * <pre>
 * java -jar usines-ouvertes.jar export &lt;workspace&gt; &lt;path&gt; [--to FILE|DIR] [--data DIR] [--config FILE]
 * java -jar usines-ouvertes.jar import &lt;file.yaml&gt;... [--data DIR] [--config FILE]
 * </pre>
 * Export writes Magnolia's YAML to standard output, to FILE, or to DIR under Magnolia's file name
 * ({@code <workspace>.<path>.yaml}). Import takes the files in the order given, each all or nothing.
 * Exit status: 0 done, 1 a file or node failed, 2 bad arguments, 3 data folder in use.
 */
public final class ContentCommand {

    public static final Set<String> COMMANDS = Set.of("export", "import");

    private final PrintStream out;
    private final PrintStream err;

    public ContentCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Whether the first command-line argument names one of these commands. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static String usage() {
        return """
                Usage:
                  java -jar usines-ouvertes.jar export <workspace> <path> [--to FILE|DIR] [--data DIR] [--config FILE]
                  java -jar usines-ouvertes.jar import <file.yaml>... [--data DIR] [--config FILE]
                Exports a subtree to, or imports files from, Magnolia's YAML format (<workspace>.<path>.yaml)
                on the data folder of a stopped platform.
                """;
    }

    /** Runs a command; returns the process exit status. */
    public int run(String[] args) {
        if (List.of(args).contains("--help")) {
            out.print(usage());
            return 0;
        }
        if (!handles(args)) {
            return usageError("the first argument must be 'export' or 'import'");
        }
        List<String> positional = new ArrayList<>();
        List<String> settingArgs = new ArrayList<>();
        Path to = null;
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--to") || args[i].equals("--data") || args[i].equals("--config")) {
                if (i + 1 >= args.length) {
                    return usageError("'" + args[i] + "' needs a value");
                }
                if (args[i].equals("--to")) {
                    to = Path.of(args[++i]);
                } else {
                    settingArgs.add(args[i]);
                    settingArgs.add(args[++i]);
                }
            } else if (args[i].startsWith("--")) {
                return usageError("unknown option '" + args[i] + "'");
            } else {
                positional.add(args[i]);
            }
        }
        try {
            Settings settings = PlatformLauncher.settingsLoader(PlatformLauncher.discoverModules())
                    .load(settingArgs.toArray(String[]::new));
            if (args[0].equals("export")) {
                if (positional.size() != 2) {
                    return usageError("export needs a workspace and a path");
                }
                return export(settings, positional.get(0), positional.get(1), to);
            }
            if (positional.isEmpty() || to != null) {
                return usageError(to != null ? "import does not take --to" : "import needs at least one file");
            }
            return importFiles(settings, positional);
        } catch (SettingsException e) {
            return usageError(e.getMessage());
        } catch (RepositoryLockedException e) {
            err.println(e.getMessage());
            return 3;
        }
    }

    private int export(Settings settings, String workspace, String path, Path to) {
        String yaml;
        try (ContentRepository repository = open(settings)) {
            yaml = new MagnoliaYamlExporter(repository).export(workspace, path);
        } catch (ContentExportException e) {
            err.println("Export failed: " + e.getMessage());
            return 1;
        }
        if (to == null) {
            out.print(yaml);
            return 0;
        }
        Path file = Files.isDirectory(to) ? to.resolve(MagnoliaYamlExporter.fileName(workspace, path)) : to;
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println("Export failed: cannot write " + file + ": " + e.getMessage());
            return 1;
        }
        out.println("Exported " + workspace + ":" + path + " to " + file);
        return 0;
    }

    private int importFiles(Settings settings, List<String> files) {
        int status = 0;
        try (ContentRepository repository = open(settings)) {
            MagnoliaYamlImporter importer = new MagnoliaYamlImporter(repository);
            for (String file : files) {
                try {
                    List<String> paths = importer.importFile(Path.of(file));
                    out.println("Imported " + file + ": " + String.join(", ", paths));
                } catch (ContentImportException e) {
                    err.println("Import failed, nothing imported from this file: " + e.getMessage());
                    status = 1;
                }
            }
        }
        return status;
    }

    private static ContentRepository open(Settings settings) {
        return ContentRepository.open(new SegmentStoreBackend(settings.get(CoreSettings.DATA)));
    }

    private int usageError(String message) {
        err.println(message);
        err.print(usage());
        return 2;
    }
}
