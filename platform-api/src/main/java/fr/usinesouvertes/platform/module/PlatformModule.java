package fr.usinesouvertes.platform.module;

import fr.usinesouvertes.platform.config.SettingDefinition;
import java.util.List;

/**
 * A Java module (plugin) of the platform, found with {@link java.util.ServiceLoader}: list the
 * implementation in {@code META-INF/services/fr.usinesouvertes.platform.module.PlatformModule}.
 *
 * <p>Start-up calls, in dependency order: {@link #repositoryInitializers()} (every start), the
 * {@link #tasks()} not yet run for the installed version (once per version, recorded in the repository),
 * then {@link #start(ModuleContext)}; shutdown calls {@link #stop()} in reverse order.
 */
public interface PlatformModule {

    ModuleDescriptor descriptor();

    /** Configuration keys this module understands, settable like the platform's own. */
    default List<SettingDefinition<?>> settings() {
        return List.of();
    }

    /** Idempotent set-up run at every start before tasks: node types, workspaces, indexes. */
    default List<RepositoryInitializer> repositoryInitializers() {
        return List.of();
    }

    /** Install and update tasks, each run once when the module reaches or passes its version. */
    default List<VersionTask> tasks() {
        return List.of();
    }

    /**
     * Command-line tools run on a stopped platform's data folder, e.g. {@code registrations export}: picocli
     * {@code @Command} objects, each a {@link ModuleCommand} or a command grouping them as subcommands; the platform
     * adds them as subcommands of {@code java -jar usines-ouvertes.jar}.
     */
    default List<Object> commands() {
        return List.of();
    }

    /** Registers the module's contributions (REST resources, templating functions, ...) and starts its work. */
    default void start(ModuleContext context) throws Exception {
    }

    default void stop() throws Exception {
    }
}
