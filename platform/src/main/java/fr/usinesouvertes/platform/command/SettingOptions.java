package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.Platform;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every setting the platform and its modules declare, as {@code --name VALUE} options of one command, with the
 * setting's description and default in the usage help, plus {@code --config FILE}. The values stay text here: the
 * {@link fr.usinesouvertes.platform.config.SettingsLoader} parses them after the config file, exactly as it parses the
 * file's, so a bad value is reported the same way wherever it was written.
 */
final class SettingOptions {

    private final CommandEnvironment environment;
    private final Map<String, OptionSpec> settings = new LinkedHashMap<>();
    private final OptionSpec config;

    private SettingOptions(CommandSpec spec, CommandEnvironment environment) {
        this.environment = environment;
        this.config = OptionSpec.builder("--config").paramLabel("FILE").type(String.class)
                .description("Config file of 'name: value' settings (default: config/platform.yaml when it exists); "
                        + "the command line wins")
                .build();
        spec.addOption(config);
        spec.usageMessage().abbreviateSynopsis(true); // [OPTIONS], not forty settings
        for (SettingDefinition<?> definition : environment.settingsLoader().definitions()) {
            OptionSpec option = OptionSpec.builder("--" + definition.name())
                    .paramLabel("VALUE").type(String.class)
                    .description(literal(definition.description() + (definition.defaultValue() == null ? ""
                            : " (default: " + definition.defaultValue() + ")")))
                    .build();
            spec.addOption(option);
            settings.put(definition.name(), option);
        }
    }

    static SettingOptions addTo(CommandSpec spec, CommandEnvironment environment) {
        return new SettingOptions(spec, environment);
    }

    /** The config file, then the options given, then {@code overrides} (e.g. {@code port: 0} for a one-off run). */
    Settings settings(Map<String, String> overrides) {
        Map<String, String> raw = new LinkedHashMap<>();
        settings.forEach((name, option) -> {
            String value = option.getValue();
            if (value != null) {
                raw.put(name, value);
            }
        });
        raw.putAll(overrides);
        String configFile = config.getValue();
        return environment.settingsLoader().load(configFile == null ? null : Path.of(configFile), raw);
    }

    /** Starts a platform with the modules on the class path and {@link #settings(Map)}. */
    Platform start(Map<String, String> overrides) throws Exception {
        return Platform.builder(settings(overrides)).modules(environment.modules()).start();
    }

    /** Picocli formats descriptions ({@code %n}, {@code ${...}}); a setting's description is plain text. */
    private static String literal(String text) {
        return text.replace("%", "%%").replace("${", "$${");
    }
}
