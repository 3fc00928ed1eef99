package fr.usinesouvertes.events.schools;

import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code schools import FILE [--with-primary]} on a stopped platform's data folder: replaces the schools directory
 * with the official "Annuaire de l'éducation" export ({@link SchoolsCsv}), reporting the rows left out with their line.
 */
@Command(name = "schools", description = "The schools directory (Annuaire de l'éducation).",
        subcommands = SchoolsCommand.Import.class)
public final class SchoolsCommand {

    @Command(name = "import", description = "Replaces the schools directory with the Annuaire de l'éducation export "
            + "(fr-en-annuaire-education, CSV separated by ';'); proposals already sent are kept.")
    static final class Import implements ModuleCommand {

        @Parameters(paramLabel = "FILE", description = "The export, e.g. fr-en-annuaire-education.csv")
        Path file;

        @Option(names = "--with-primary", description = "Also import primary schools (left out by default: visits are "
                + "from collège up)")
        boolean withPrimary;

        @Override
        public int run(CommandContext context) {
            long start = System.nanoTime();
            SchoolsCsv.Parsed parsed;
            try (InputStream in = Files.newInputStream(file)) {
                parsed = SchoolsCsv.read(in, withPrimary);
            } catch (IOException e) {
                context.err().println("schools import: cannot read " + file + ": " + e.getMessage());
                return 1;
            } catch (IllegalArgumentException e) {
                context.err().println("schools import: " + file + ": " + e.getMessage() + "; nothing imported");
                return 1;
            }
            for (SchoolsCsv.Problem problem : parsed.problems()) {
                context.err().println(file.getFileName() + ", line " + problem.line() + ": " + problem.reason()
                        + " (left out)");
            }
            if (parsed.problemCount() > parsed.problems().size()) {
                context.err().println("… and " + (parsed.problemCount() - parsed.problems().size()) + " more row(s) left out");
            }
            int stored = new SchoolDirectory(context.repository()).replace(parsed.schools(), "command line", context.clock());
            context.out().printf("%d establishments imported (%d rows left out, %d out of scope: primary schools and "
                    + "administrations) in %.1f s%n", stored, parsed.problemCount(), parsed.outOfScope(),
                    (System.nanoTime() - start) / 1e9);
            return 0;
        }
    }
}
