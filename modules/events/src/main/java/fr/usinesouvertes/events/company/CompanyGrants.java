package fr.usinesouvertes.events.company;

import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Gives a company's group read and write access to a node and its subtree (an ACL entry, saved with the session). */
@FunctionalInterface
public interface CompanyGrants {

    void grant(Session session, String company, String jcrPath) throws RepositoryException;
}
