package fr.usinesouvertes.platform.module;

import javax.jcr.Session;

/** Idempotent repository set-up (node types, workspaces, indexes) run at every start; the caller saves. */
@FunctionalInterface
public interface RepositoryInitializer {
    void initialize(Session session) throws javax.jcr.RepositoryException;
}
