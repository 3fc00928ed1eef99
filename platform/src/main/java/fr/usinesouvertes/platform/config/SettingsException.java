package fr.usinesouvertes.platform.config;

/** A configuration value or command-line option that cannot be used; the message names the key. */
public class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
