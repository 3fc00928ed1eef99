package fr.usinesouvertes.platform.config;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** A configuration value or command-line option that cannot be used; the message names the key. */
@PluginApi
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
