package fr.usinesouvertes.platform.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads settings from a flat YAML file and then from {@code --key value} arguments (the command line
 * wins). Unknown keys and unparsable values stop start-up with a message naming the key.
 */
public final class SettingsLoader {

    /** The option that points at another config file; it is not itself a setting. */
    public static final String CONFIG_OPTION = "config";
    public static final Path DEFAULT_CONFIG_FILE = Path.of("config", "platform.yaml");

    private final Map<String, SettingDefinition<?>> definitions = new LinkedHashMap<>();

    public SettingsLoader(Collection<SettingDefinition<?>> declared) {
        for (SettingDefinition<?> definition : declared) {
            if (definitions.putIfAbsent(definition.name(), definition) != null) {
                throw new IllegalStateException("Setting '" + definition.name() + "' is declared twice");
            }
        }
    }

    /** Loads the config file named by {@code --config} (or the default one when present), then the arguments. */
    public Settings load(String[] args) {
        Map<String, String> fromArgs = parseArguments(args);
        String configOption = fromArgs.remove(CONFIG_OPTION);
        return load(configOption != null ? Path.of(configOption) : null, fromArgs);
    }

    /**
     * Loads {@code configFile} (or, when {@code null}, the default one when present), then the values given on the
     * command line, which win.
     */
    public Settings load(Path configFile, Map<String, String> commandLine) {
        Map<String, String> raw = new LinkedHashMap<>();
        if (configFile != null) {
            raw.putAll(readFile(configFile));
        } else if (Files.exists(DEFAULT_CONFIG_FILE)) {
            raw.putAll(readFile(DEFAULT_CONFIG_FILE));
        }
        raw.putAll(commandLine);
        return parse(raw);
    }

    /** Parses already-split key/value pairs; every declared key gets its default when absent. */
    public Settings parse(Map<String, String> raw) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String key : raw.keySet()) {
            if (!definitions.containsKey(key)) {
                throw new SettingsException("Unknown setting '" + key + "'. Known settings: "
                        + String.join(", ", definitions.keySet()));
            }
        }
        for (SettingDefinition<?> definition : definitions.values()) {
            String text = raw.getOrDefault(definition.name(), definition.defaultValue());
            values.put(definition.name(), text == null ? null : parseValue(definition, text));
        }
        return new Settings(definitions, values);
    }

    private static Object parseValue(SettingDefinition<?> definition, String text) {
        try {
            return definition.parser().apply(text);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("Bad value for setting '" + definition.name() + "': " + e.getMessage());
        }
    }

    /**
     * Splits {@code --name value} (or {@code --name=value}) arguments; the names are checked by {@link #parse}. The
     * jar's command line parses its options with picocli; this stays for what picocli leaves over (an unknown
     * {@code --name}, so that the message names the unknown setting as for the config file) and for
     * {@code PlatformLauncher.launch(String[])}, which embedders and tests call with plain arguments.
     */
    public static Map<String, String> parseArguments(String[] args) {
        Map<String, String> result = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new SettingsException("Unexpected argument '" + arg + "': options look like --name value");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                throw new SettingsException("Option '--" + name + "' needs a value");
            }
            if (result.put(name, value) != null) {
                throw new SettingsException("Option '--" + name + "' is given twice");
            }
        }
        return result;
    }

    private static Map<String, String> readFile(Path file) {
        if (!Files.exists(file) || Files.isDirectory(file)) {
            throw new SettingsException("Config file '" + file + "' (setting 'config') does not exist");
        }
        Object document;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (IOException | YAMLException e) {
            throw new SettingsException("Config file '" + file + "' cannot be read: " + e.getMessage());
        }
        if (document == null) {
            return Map.of();
        }
        if (!(document instanceof Map<?, ?> map)) {
            throw new SettingsException("Config file '" + file + "' must be a map of setting: value");
        }
        Map<String, String> result = new LinkedHashMap<>();
        List<String> nested = new ArrayList<>();
        map.forEach((key, value) -> {
            if (value instanceof Map || value instanceof List) {
                nested.add(String.valueOf(key));
            } else if (value != null) {
                result.put(String.valueOf(key), String.valueOf(value));
            }
        });
        if (!nested.isEmpty()) {
            throw new SettingsException("Setting '" + nested.get(0) + "' in '" + file + "' must be a single value");
        }
        return result;
    }

    public Collection<SettingDefinition<?>> definitions() {
        return definitions.values();
    }
}
