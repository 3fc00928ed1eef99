package fr.usinesouvertes.events.bootstrap;

/** A bootstrap file that cannot be imported; the message names the file and the node at fault. */
public class BootstrapException extends RuntimeException {

    public BootstrapException(String message) {
        super(message);
    }

    public BootstrapException(String message, Throwable cause) {
        super(message, cause);
    }
}
