package fr.usinesouvertes.platform.module;

/**
 * An install or update task: run once, when the installed version of its module is below
 * {@link #version()} (or the module is new) and the module's current version reaches it.
 *
 * @param version     the module version that introduced the task, e.g. {@code 1.1}
 * @param description one line for the log and the record kept in the repository
 */
public record VersionTask(String version, String description, Action action) {

    /** The work of a task; it runs in one session that is saved only if the task succeeds. */
    @FunctionalInterface
    public interface Action {
        void execute(TaskContext context) throws Exception;
    }
}
