package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first administrator: created at start from {@code admin-login} and the password in
 * {@code admin-password-file} when that account does not exist yet (never changed afterwards), or with
 * the {@code accounts create-admin} command. There is no default password; without any administrator
 * the log says how to create one.
 */
public final class FirstAdministrator {

    private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

    private FirstAdministrator() {
    }

    /** Applies the settings; throws {@link SettingsException} when they are incomplete or the file unusable. */
    static void fromSettings(Settings settings, Accounts accounts) {
        String login = settings.get(SecuritySettings.ADMIN_LOGIN);
        Path passwordFile = settings.get(SecuritySettings.ADMIN_PASSWORD_FILE);
        if (login != null) {
            if (accounts.exists(login)) {
                LOG.debug("Administrator {} exists; admin-password-file is not applied again", login);
            } else if (passwordFile == null) {
                throw new SettingsException("admin-login needs admin-password-file (a file holding the password)");
            } else {
                try {
                    create(accounts, login, readPassword(passwordFile));
                } catch (AccountException e) {
                    throw new SettingsException("admin-login/admin-password-file: " + e.getMessage());
                }
                LOG.info("Administrator account {} created from admin-login and admin-password-file", login);
            }
        }
        if (!accounts.hasEnabledAdministrator()) {
            LOG.warn("No back-office administrator exists. Create one with --admin-login <e-mail> "
                    + "--admin-password-file <file> (the file holds the password, 12 characters or more), or with "
                    + "'java -jar usines-ouvertes.jar accounts create-admin --login <e-mail> --password-file <file>' "
                    + "while the platform is stopped.");
        }
    }

    /** Creates an administrator account named after its login. */
    public static Account create(Accounts accounts, String login, char[] password) {
        return accounts.create(login, "Administrateur", password, EnumSet.of(Role.ADMIN), null);
    }

    /** The file's content without its final line break. */
    public static char[] readPassword(Path file) {
        try {
            String content = Files.readString(file, StandardCharsets.UTF_8);
            return content.replaceAll("[\\r\\n]+$", "").toCharArray();
        } catch (IOException e) {
            throw new SettingsException("Cannot read the password file " + file + ": " + e.getMessage());
        }
    }
}
