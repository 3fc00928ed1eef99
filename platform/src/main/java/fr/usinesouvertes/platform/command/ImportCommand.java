package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.content.ContentImportException;
import fr.usinesouvertes.platform.content.MagnoliaYamlImporter;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code import <file.yaml>...}: Magnolia YAML files into a stopped platform's repository, each all or nothing. */
@Command(name = "import", description = {"Imports files in Magnolia's YAML format (<workspace>.<path>.yaml) into a "
        + "stopped platform's repository, in the order given, each file all or nothing."})
final class ImportCommand implements ModuleCommand {

    @Parameters(arity = "1..*", paramLabel = "<file.yaml>")
    List<Path> files;

    @Override
    public int run(CommandContext context) {
        int status = PlatformCommandLine.DONE;
        MagnoliaYamlImporter importer = new MagnoliaYamlImporter(context.repository());
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
