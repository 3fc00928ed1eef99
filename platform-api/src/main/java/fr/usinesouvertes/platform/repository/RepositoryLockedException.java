package fr.usinesouvertes.platform.repository;

/** The data folder is already used by another process; Oak itself would block forever on its lock. */
public class RepositoryLockedException extends RuntimeException {
    public RepositoryLockedException(String message) {
        super(message);
    }
}
