package fr.usinesouvertes.platform.module;

/**
 * The Java modules cannot start: a missing, mismatched, duplicate or cyclic dependency, or a failed
 * install task. The message names the modules involved and fits on one line for the console.
 */
public class ModuleException extends RuntimeException {

    public ModuleException(String message) {
        super(message);
    }

    public ModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
