package fr.usinesouvertes.platform.repository;

import fr.usinesouvertes.platform.annotation.PluginApi;
import javax.jcr.Session;

/** Work done with a repository session; may throw the checked JCR exception. */
@FunctionalInterface
@PluginApi
public interface SessionWork<T> {
    T run(Session session) throws javax.jcr.RepositoryException;
}
