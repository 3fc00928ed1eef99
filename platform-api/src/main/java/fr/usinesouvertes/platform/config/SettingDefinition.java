package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key, settable both as {@code --name value} on the command line and as
 * {@code name: value} in {@code config/platform.yaml}, parsed and validated the same way in both.
 *
 * @param name        kebab-case key, e.g. {@code light-modules}
 * @param description one line shown in {@code --help}
 * @param defaultValue textual default, or {@code null} when the key is optional and unset by default
 * @param parser      turns the text into a value; throws {@link IllegalArgumentException} with a reason
 */
@PluginApi
public record SettingDefinition<T>(String name, String description, String defaultValue,
                                   Function<String, T> parser) {

    public SettingDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(parser, "parser");
    }

    public static SettingDefinition<String> text(String name, String description, String defaultValue) {
        return new SettingDefinition<>(name, description, defaultValue, value -> {
            if (value.isBlank()) {
                throw new IllegalArgumentException("must not be empty");
            }
            return value;
        });
    }

    public static SettingDefinition<Integer> integer(String name, String description, String defaultValue,
                                                     int min, int max) {
        return new SettingDefinition<>(name, description, defaultValue, value -> {
            int parsed;
            try {
                parsed = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + value + "' is not a whole number");
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(parsed + " is outside " + min + ".." + max);
            }
            return parsed;
        });
    }

    public static SettingDefinition<Boolean> flag(String name, String description, String defaultValue) {
        return new SettingDefinition<>(name, description, defaultValue, value -> switch (value.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("'" + value + "' is not true or false");
        });
    }
}
