package fr.usinesouvertes.platform.repository;

import javax.jcr.Session;

/** Work done with a repository session; may throw the checked JCR exception. */
@FunctionalInterface
public interface SessionWork<T> {
    T run(Session session) throws javax.jcr.RepositoryException;
}
