package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

/**
 * {@code registrations export --edition 2026 [--site <slug>] --to file.csv} and
 * {@code registrations purge --edition 2025}: the organisers' tools on registrations, on a stopped platform's
 * data folder (a running platform offers the same export to administrators: {@link OrganiserExportsResource}).
 */
public final class RegistrationsCommand implements ModuleCommand {

    @Override
    public String name() {
        return "registrations";
    }

    @Override
    public String usage() {
        return """
                  java -jar usines-ouvertes.jar registrations export --edition YEAR [--site SLUG] --to FILE.csv [--data DIR]
                  java -jar usines-ouvertes.jar registrations purge --edition YEAR [--data DIR]
                Exports an edition's registrations (CSV for Excel), or deletes their personal data once the edition is over.
                """;
    }

    @Override
    public int run(List<String> arguments, CommandContext context) {
        if (arguments.isEmpty() || !Set.of("export", "purge").contains(arguments.get(0))) {
            context.err().println("registrations: expected 'export' or 'purge'");
            return 2;
        }
        try {
            List<String> rest = arguments.subList(1, arguments.size());
            if (arguments.get(0).equals("purge")) {
                OrganiserOptions options = OrganiserOptions.parse(rest, Set.of("--edition"));
                RegistrationPurge.Result result = new RegistrationPurge(context.repository(), context.clock(),
                        EventsConfig.from(context.settings()).zone()).purge(options.edition());
                (result.done() ? context.out() : context.err()).println(result.message());
                return result.done() ? 0 : 1;
            }
            OrganiserOptions options = OrganiserOptions.parse(rest, Set.of("--edition", "--site", "--to"));
            return export(options.edition(), options.get("--site"), options, context);
        } catch (IllegalArgumentException e) {
            context.err().println("registrations: " + e.getMessage());
            return 2;
        }
    }

    private static int export(int year, String site, OrganiserOptions options, CommandContext context) {
        RegistrationExport export = new RegistrationExport(context.repository(), EventsConfig.from(context.settings()).zone());
        List<Visit> slots = export.slots(year, site, null);
        if (site != null && slots.isEmpty()) {
            context.err().println("registrations: no published slot for site '" + site + "' in " + year);
            return 1;
        }
        try (OutputStream out = Files.newOutputStream(options.to())) {
            export.write(slots, out);
        } catch (IOException e) {
            context.err().println("registrations: cannot write " + options.to() + ": " + e.getMessage());
            return 1;
        }
        context.out().println("Registrations of " + slots.size() + " slots written to " + options.to());
        return 0;
    }
}
