package fr.usinesouvertes.events.company;

import fr.usinesouvertes.platform.security.CompanyAccess;
import javax.jcr.RepositoryException;
import javax.jcr.Session;

/** Gives a company's group read and write access to a node and its subtree (an ACL entry, saved with the session). */
@FunctionalInterface
public interface CompanyGrants {

    /** The repository's ACLs, as the platform's security grants them to a company's group. */
    CompanyGrants PLATFORM = CompanyAccess::grant;

    void grant(Session session, String company, String jcrPath) throws RepositoryException;
}
