package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/** {@code recruitment export --edition 2026 [--region "Île-de-France"] --to file.csv}: needs for France Travail. */
public final class RecruitmentCommand implements ModuleCommand {

    @Override
    public String name() {
        return "recruitment";
    }

    @Override
    public String usage() {
        return """
                  java -jar usines-ouvertes.jar recruitment export --edition YEAR [--region NAME] --to FILE.csv [--data DIR]
                Exports the sites' recruitment needs (jobs, number, contract type) for the France Travail liaison.
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        if (arguments.isEmpty() || !arguments.get(0).equals("export")) {
            context.err().println("recruitment: expected 'export'");
            return 2;
        }
        try {
            OrganiserOptions options = OrganiserOptions.parse(arguments.subList(1, arguments.size()),
                    Set.of("--edition", "--region", "--to"));
            int year = options.edition();
            try (OutputStream out = Files.newOutputStream(options.to())) {
                int rows = new RecruitmentCsvExport(context.repository()).write(year, options.get("--region"), out);
                context.out().println(rows + " recruitment needs written to " + options.to());
                return 0;
            } catch (IOException e) {
                context.err().println("recruitment: cannot write " + options.to() + ": " + e.getMessage());
                return 1;
            }
        } catch (IllegalArgumentException e) {
            context.err().println("recruitment: " + e.getMessage());
            return 2;
        }
    }
}
