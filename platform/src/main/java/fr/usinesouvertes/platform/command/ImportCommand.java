package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.content.ContentImportException;
import fr.usinesouvertes.platform.content.ImportMode;
import fr.usinesouvertes.platform.content.MagnoliaYamlImporter;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import [--mode <mode>] <file>...}: Magnolia YAML or XML exports into a stopped platform's repository, each all or nothing. */
@Command(name = "import", description = {"Imports Magnolia exports (<workspace>.<path>.yaml, or .xml in JCR system view) "
        + "into a stopped platform's repository, in the order given, each file all or nothing."})
final class ImportCommand implements ModuleCommand {

    @Parameters(arity = "1..*", paramLabel = "<file.yaml|file.xml>")
    List<Path> files;

    @Option(names = "--mode", paramLabel = "<mode>", defaultValue = "fail",
            description = {"When an imported node's identifier exists already: fail (default: nothing of the file is "
                    + "imported), create-new (new identifiers), remove-existing, replace-existing."})
    String mode;

    @Override
    public int run(CommandContext context) {
        int status = PlatformCommandLine.DONE;
        ImportMode importMode;
        try {
            importMode = ImportMode.ofOption(mode);
        } catch (ContentImportException e) {
            context.err().println("--mode: " + e.getMessage());
            return PlatformCommandLine.FAILED;
        }
        MagnoliaYamlImporter importer = new MagnoliaYamlImporter(context.repository(), importMode);
        for (Path file : files) {
            try {
                List<String> paths = importer.importFile(file);
                context.out().println("Imported " + file + ": " + String.join(", ", paths));
            } catch (ContentImportException e) {
                context.err().println("Import failed, nothing imported from this file: " + e.getMessage());
                status = PlatformCommandLine.FAILED;
            }
        }
        return status;
    }
}
