package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** An unchecked wrapper for {@link javax.jcr.RepositoryException}, for code that cannot recover from it. */
@PluginApi
public class RepositoryException extends RuntimeException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the cause is Oak refusing an account's session ({@code readAs}/{@code writeAs}): a path it
     * may not see (reported as not found) or a change it may not make.
     */
    public boolean isAccessDenied() {
        return getCause() instanceof javax.jcr.PathNotFoundException
                || getCause() instanceof javax.jcr.AccessDeniedException
                || getCause() instanceof javax.jcr.ItemNotFoundException;
    }
}
