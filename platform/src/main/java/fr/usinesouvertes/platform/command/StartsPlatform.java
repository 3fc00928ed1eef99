package fr.usinesouvertes.platform.command;

/**
 * A command that starts a whole platform and so takes every setting as an option ({@code --port}, {@code --data},
 * the modules' settings...): {@link PlatformCommandLine} adds those options, built from the setting definitions,
 * and hands the command the {@link SettingOptions} that read them back.
 */
interface StartsPlatform {

    void settingOptions(SettingOptions options);
}
