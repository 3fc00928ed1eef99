package fr.usinesouvertes.platform.repository;

/** An unchecked wrapper for {@link javax.jcr.RepositoryException}, for code that cannot recover from it. */
public class RepositoryException extends RuntimeException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
