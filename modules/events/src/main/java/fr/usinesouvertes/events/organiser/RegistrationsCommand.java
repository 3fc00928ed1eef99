package fr.usinesouvertes.events.organiser;

import fr.usinesouvertes.events.schools.SchoolContactsPurge;
import fr.usinesouvertes.events.config.EventsConfig;
import fr.usinesouvertes.events.visit.Visit;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code registrations export --edition 2026 [--site <slug>] --to file.csv} and
 * {@code registrations purge --edition 2025}: the organisers' tools on registrations, on a stopped platform's
 * data folder (a running platform offers the same export to administrators: {@link OrganiserExportsResource}).
 */
@Command(name = "registrations", description = "Organisers' tools on an edition's registrations.",
        subcommands = {RegistrationsCommand.Export.class, RegistrationsCommand.Purge.class})
public final class RegistrationsCommand {

    @Command(name = "export", description = "Exports an edition's registrations (CSV for Excel), of every site or one.")
    static final class Export implements ModuleCommand {

        @Mixin
        OrganiserOptions.Edition edition;

        @Option(names = "--site", paramLabel = "SLUG", description = "Only this site's slots, e.g. colas-santes")
        String site;

        @Mixin
        OrganiserOptions.CsvFile csv;

        @Override
        public int run(CommandContext context) {
            Path to = csv.required();
            RegistrationExport export = new RegistrationExport(context.repository(),
                    EventsConfig.from(context.settings()).zone());
            List<Visit> slots = export.slots(edition.year, site, null);
            if (site != null && slots.isEmpty()) {
                context.err().println("registrations: no published slot for site '" + site + "' in " + edition.year);
                return 1;
            }
            try (OutputStream out = Files.newOutputStream(to)) {
                export.write(slots, out);
            } catch (IOException e) {
                context.err().println("registrations: cannot write " + to + ": " + e.getMessage());
                return 1;
            }
            context.out().println("Registrations of " + slots.size() + " slots written to " + to);
            return 0;
        }
    }

    @Command(name = "purge", description = "Deletes an edition's registrants' personal data once the edition is over "
            + "(counts stay).")
    static final class Purge implements ModuleCommand {

        @Mixin
        OrganiserOptions.Edition edition;

        @Option(names = "--school-contacts", description = "Also delete the school contacts: the addresses the "
                + "edition's proposals went to, the messages on transport-funding requests, and the e-mail addresses "
                + "and phone numbers of the schools directory (an import brings them back)")
        boolean schoolContacts;

        @Override
        public int run(CommandContext context) {
            RegistrationPurge.Result result = new RegistrationPurge(context.repository(), context.clock(),
                    EventsConfig.from(context.settings()).zone()).purge(edition.year);
            (result.done() ? context.out() : context.err()).println(result.message());
            if (result.done() && schoolContacts) {
                SchoolContactsPurge.Result schools = new SchoolContactsPurge(context.repository()).purge(edition.year);
                context.out().println("School contacts deleted: " + schools.proposals() + " proposal(s), "
                        + schools.decisions() + " funding decision(s), " + schools.establishments()
                        + " establishment(s) of the directory.");
            }
            return result.done() ? 0 : 1;
        }
    }
}
