package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
import javax.jcr.Session;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.api.security.JackrabbitAccessControlList;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import javax.jcr.security.AccessControlManager;
import javax.jcr.Value;
import java.util.Map;

/**
 * Gives a company's users ({@code company-<name>} group) their own nodes: whoever creates a company's
 * node (company, site, event sheet, registrations folder of its slots) calls {@link #grant} in the same
 * system session, before saving. Everything else stays invisible to them, as Oak enforces.
 */
@PluginApi
public final class CompanyAccess {

    private CompanyAccess() {
    }

    /**
     * Read and write on {@code jcrPath} and its subtree for the company's group (created if missing):
     * {@code jcr:read} and {@code rep:write} (content and node types), not {@code jcr:all}, so a company
     * can neither read nor change the access control of its own nodes.
     */
    public static void grant(Session session, String company, String jcrPath) throws javax.jcr.RepositoryException {
        AccessControlUtils.addAccessControlEntry(session, jcrPath,
                RepositoryAccess.groupPrincipal(session, Accounts.companyGroup(company)),
                new String[]{Privilege.JCR_READ, "rep:write"}, true);
    }

    /** Read on the node itself and its properties only, not its children (e.g. a workspace root to list from). */
    public static void grantReadNodeOnly(Session session, String company, String jcrPath)
            throws javax.jcr.RepositoryException {
        AccessControlManager acm = session.getAccessControlManager();
        JackrabbitAccessControlList acl = AccessControlUtils.getAccessControlList(acm, jcrPath);
        Value emptyGlob = session.getValueFactory().createValue("");
        acl.addEntry(RepositoryAccess.groupPrincipal(session, Accounts.companyGroup(company)),
                AccessControlUtils.privilegesFromNames(acm, Privilege.JCR_READ), true, Map.of("rep:glob", emptyGlob));
        acm.setPolicy(jcrPath, acl);
    }
}
