package fr.usinesouvertes.platform.command;

import static org.assertj.core.api.Assertions.assertThat;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.module.CommandContext;
import fr.usinesouvertes.platform.module.ModuleCommand;
import fr.usinesouvertes.platform.module.ModuleDescriptor;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.repository.ContentRepository;
import fr.usinesouvertes.platform.repository.SegmentStoreBackend;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The jar's command line: help, settings as options, module commands on a data folder, exit statuses. */
class PlatformCommandLineTest {

    @TempDir
    Path data;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new PlatformCommandLine(List.of(new GreetingModule()), new PrintWriter(out, true, StandardCharsets.UTF_8),
                new PrintWriter(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEverySettingWithItsDefaultAndEveryCommand() {
        assertThat(run("--help")).isZero();

        assertThat(out()).contains("Usage: usines-ouvertes", "--port=VALUE", "HTTP port (0 picks a free one)",
                "(default: 8080)", "--data=VALUE", "--smtp-host=VALUE", "--config=FILE",
                "--greeting=VALUE", "Word said by the greet command (default: Bonjour)",
                "export", "import", "accounts", "publishing", "search", "greet", "Exit status: 0 done");
        for (SettingDefinition<?> definition : new CommandEnvironment(List.of(new GreetingModule())).settingsLoader()
                .definitions()) {
            assertThat(out()).contains("--" + definition.name() + "=");
        }
    }

    @Test
    void unknownSettingOrBadValueIsAConfigurationError() {
        assertThat(run("--prot", "80")).isEqualTo(2);
        assertThat(err()).contains("Unknown setting 'prot'. Known settings: port,");

        assertThat(run("--port", "eighty", "--data", data.toString())).isEqualTo(2);
        assertThat(err()).contains("Configuration error: Bad value for setting 'port': 'eighty' is not a whole number");

        assertThat(run("exprot", "website", "/")).isEqualTo(2);
        assertThat(err()).contains("Unexpected argument 'exprot'");
    }

    @Test
    void moduleCommandRunsOnTheDataFolderWithTheSharedOptions() {
        assertThat(run("greet", "Anne", "--data", data.toString(), "--clock", "2026-02-10T10:00:00+01:00")).isZero();

        assertThat(out()).contains("Bonjour Anne, it is 2026-02-10 in " + data + " (true)");
    }

    @Test
    void moduleCommandHelpShowsTheDataFolderOptions() {
        assertThat(run("greet", "--help")).isZero();

        assertThat(out()).contains("Usage: usines-ouvertes greet", "<name>", "--data=DIR", "--config=FILE", "--clock=TIME",
                "--shout");
    }

    @Test
    void badUsageIsTwoWithTheUsage() {
        assertThat(run("greet", "--data", data.toString())).isEqualTo(2);
        assertThat(err()).contains("Missing required parameter: '<name>'", "Usage: usines-ouvertes greet");

        assertThat(run("greet", "nobody", "--data", data.toString())).isEqualTo(2);
        assertThat(err()).contains("greet: say a name, not 'nobody'");

        assertThat(run("accounts")).isEqualTo(2);
        assertThat(err()).contains("Missing required subcommand");
    }

    @Test
    void refusalIsOneAndADataFolderInUseIsThree() {
        assertThat(run("greet", "Bob", "--data", data.toString())).isEqualTo(1);
        assertThat(err()).contains("Bob is not welcome");

        try (ContentRepository running = ContentRepository.open(new SegmentStoreBackend(data))) {
            assertThat(run("greet", "Anne", "--data", data.toString())).isEqualTo(3);
        }
        assertThat(err()).contains("is already in use by another platform process",
                "(stop the platform before running 'greet')");
    }

    /** A module contributing one setting and one command. */
    static final class GreetingModule implements PlatformModule {

        static final SettingDefinition<String> GREETING =
                SettingDefinition.text("greeting", "Word said by the greet command", "Bonjour");

        @Override
        public ModuleDescriptor descriptor() {
            return ModuleDescriptor.of("greeting", "1.0");
        }

        @Override
        public List<SettingDefinition<?>> settings() {
            return List.of(GREETING);
        }

        @Override
        public List<Object> commands() {
            return List.of(new Greet());
        }
    }

    @Command(name = "greet", description = "Greets someone")
    static final class Greet implements ModuleCommand {

        @Parameters(paramLabel = "<name>")
        String name;

        @Option(names = "--shout", description = "In capitals")
        boolean shout;

        @Spec
        CommandSpec spec;

        @Override
        public int run(CommandContext context) {
            if (name.equals("nobody")) {
                throw new ParameterException(spec.commandLine(), "greet: say a name, not 'nobody'");
            }
            if (name.equals("Bob")) {
                context.err().println("Bob is not welcome");
                return 1;
            }
            String text = context.settings().get(GreetingModule.GREETING) + " " + name + ", it is "
                    + context.clock().instant().atZone(context.clock().getZone()).toLocalDate() + " in "
                    + context.settings().get(CoreSettings.DATA) + " ("
                    + context.repository().read(session -> session.getRootNode().hasNode("jcr:system")) + ")";
            context.out().println(shout ? text.toUpperCase() : text);
            return 0;
        }
    }
}
