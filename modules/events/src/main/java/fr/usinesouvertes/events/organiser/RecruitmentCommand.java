package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code recruitment export --edition 2026 [--region "Île-de-France"] --to file.csv}: needs for France Travail. */
@Command(name = "recruitment", description = "The sites' recruitment needs.", subcommands = RecruitmentCommand.Export.class)
public final class RecruitmentCommand {

    @Command(name = "export", description = "Exports the sites' recruitment needs (jobs, number, contract type) for the "
            + "France Travail liaison.")
    static final class Export implements ModuleCommand {

        @Mixin
        OrganiserOptions.Edition edition;

        @Option(names = "--region", paramLabel = "NAME", description = "Only this region, e.g. ile-de-france")
        String region;

        @Mixin
        OrganiserOptions.CsvFile csv;

        @Override
        public int run(CommandContext context) {
            Path to = csv.required();
            try (OutputStream out = Files.newOutputStream(to)) {
                int rows = new RecruitmentCsvExport(context.repository()).write(edition.year, region, out);
                context.out().println(rows + " recruitment needs written to " + to);
                return 0;
            } catch (IOException e) {
                context.err().println("recruitment: cannot write " + to + ": " + e.getMessage());
                return 1;
            }
        }
    }
}
