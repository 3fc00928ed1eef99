package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.content.ContentExportException;
import fr.usinesouvertes.platform.content.MagnoliaYamlExporter;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export <workspace> <path> [--to FILE|DIR]}: a subtree in Magnolia's YAML format, to standard output, to FILE,
 * or to DIR under Magnolia's file name ({@code <workspace>.<path>.yaml}), from the data folder of a stopped platform.
 */
@Command(name = "export", description = {"Exports a subtree of a stopped platform's repository in Magnolia's YAML "
        + "format: to standard output, to FILE, or to DIR under Magnolia's file name (<workspace>.<path>.yaml)."})
final class ExportCommand implements ModuleCommand {

    @Parameters(index = "0", paramLabel = "<workspace>", description = "e.g. website, dam, config")
    String workspace;

    @Parameters(index = "1", paramLabel = "<path>", description = "e.g. /journees-usines-ouvertes")
    String path;

    @Option(names = "--to", paramLabel = "FILE|DIR", description = "Where to write (default: standard output)")
    Path to;

    @Override
    public int run(CommandContext context) {
        String yaml;
        try {
            yaml = new MagnoliaYamlExporter(context.repository()).export(workspace, path);
        } catch (ContentExportException e) {
            context.err().println("Export failed: " + e.getMessage());
            return PlatformCommandLine.FAILED;
        }
        if (to == null) {
            context.out().print(yaml);
            return PlatformCommandLine.DONE;
        }
        Path file = Files.isDirectory(to) ? to.resolve(MagnoliaYamlExporter.fileName(workspace, path)) : to;
        try {
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            context.err().println("Export failed: cannot write " + file + ": " + e.getMessage());
            return PlatformCommandLine.FAILED;
        }
        context.out().println("Exported " + workspace + ":" + path + " to " + file);
        return PlatformCommandLine.DONE;
    }
}
