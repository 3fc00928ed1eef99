package fr.usinesouvertes.platform.command;

import fr.usinesouvertes.platform.PlatformLauncher;
import fr.usinesouvertes.platform.config.SettingsLoader;
import fr.usinesouvertes.platform.module.PlatformModule;
import java.util.List;

/** What every command of the jar shares: the modules found on the class path and the settings they all declare. */
final class CommandEnvironment {

    private final List<PlatformModule> modules;
    private final SettingsLoader settingsLoader;

    CommandEnvironment(List<PlatformModule> modules) {
        this.modules = List.copyOf(modules);
        this.settingsLoader = PlatformLauncher.settingsLoader(modules);
    }

    List<PlatformModule> modules() {
        return modules;
    }

    SettingsLoader settingsLoader() {
        return settingsLoader;
    }
}
