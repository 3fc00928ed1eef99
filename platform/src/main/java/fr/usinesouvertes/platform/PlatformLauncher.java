package fr.usinesouvertes.platform;

import fr.usinesouvertes.platform.config.CoreSettings;
import fr.usinesouvertes.platform.config.OperationsSettings;
import fr.usinesouvertes.platform.config.SettingDefinition;
import fr.usinesouvertes.platform.config.Settings;
import fr.usinesouvertes.platform.config.SettingsLoader;
import fr.usinesouvertes.platform.logging.LogFormats;
import fr.usinesouvertes.platform.mail.MailSettings;
import fr.usinesouvertes.platform.maintenance.MaintenanceSettings;
import fr.usinesouvertes.platform.module.PlatformModule;
import fr.usinesouvertes.platform.security.SecuritySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Turns command-line arguments into a running platform: finds the Java modules on the class path,
 * reads the settings they and the platform declare, and starts.
 */
public final class PlatformLauncher {

    private PlatformLauncher() {
    }

    public static List<PlatformModule> discoverModules() {
        List<PlatformModule> modules = new ArrayList<>();
        ServiceLoader.load(PlatformModule.class).forEach(modules::add);
        return modules;
    }

    /** Every setting the platform itself reads: core, cluster, mail, security and storage maintenance. */
    public static List<SettingDefinition<?>> platformSettings() {
        List<SettingDefinition<?>> declared = new ArrayList<>(CoreSettings.all());
        declared.addAll(MailSettings.all());
        declared.addAll(SecuritySettings.all());
        declared.addAll(MaintenanceSettings.all());
        return List.copyOf(declared);
    }

    public static SettingsLoader settingsLoader(List<PlatformModule> modules) {
        List<SettingDefinition<?>> declared = new ArrayList<>(platformSettings());
        modules.forEach(module -> declared.addAll(module.settings()));
        return new SettingsLoader(declared);
    }

    /**
     * Starts a platform from {@code --name value} arguments and {@code config/platform.yaml}, writing the process's
     * log lines in the {@code log-format} setting's format from then on.
     */
    public static Platform launch(String[] args) throws Exception {
        List<PlatformModule> modules = discoverModules();
        Settings settings = settingsLoader(modules).load(args);
        LogFormats.apply(settings.get(OperationsSettings.LOG_FORMAT));
        return Platform.builder(settings).modules(modules).start();
    }
}
