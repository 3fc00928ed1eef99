package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated configuration of one platform process: every declared key with its parsed value.
 * Immutable; built by {@link SettingsLoader} from the config file and the command line.
 */
@PluginApi
public final class Settings {

    private final Map<String, SettingDefinition<?>> definitions;
    private final Map<String, Object> values;

    Settings(Map<String, SettingDefinition<?>> definitions, Map<String, Object> values) {
        this.definitions = Collections.unmodifiableMap(new LinkedHashMap<>(definitions));
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a declared key, or {@code null} when the key has no default and was not set. */
    @SuppressWarnings("unchecked")
    public <T> T get(SettingDefinition<T> key) {
        if (!definitions.containsKey(key.name())) {
            throw new IllegalArgumentException("Setting '" + key.name() + "' was never declared");
        }
        return (T) values.get(key.name());
    }

    public boolean isSet(SettingDefinition<?> key) {
        return values.get(key.name()) != null;
    }

    /** A copy with some keys replaced by already-parsed values; used by tests to pick a port or folder. */
    public Settings with(SettingDefinition<?> key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(key.name(), value);
        return new Settings(definitions, copy);
    }

    public Map<String, SettingDefinition<?>> definitions() {
        return definitions;
    }
}
