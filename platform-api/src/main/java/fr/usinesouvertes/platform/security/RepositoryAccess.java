package fr.usinesouvertes.platform.security;

import java.security.Principal;
import java.util.Collection;
import java.util.Set;
import javax.jcr.Node;
import javax.jcr.Session;
import javax.jcr.security.Privilege;
import org.apache.jackrabbit.commons.jackrabbit.authorization.AccessControlUtils;
import org.apache.jackrabbit.oak.spi.security.principal.EveryonePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The repository's access-control entries for the role groups, written at every start (adding an
 * entry that exists changes nothing): administrators may do everything; editors and publishers write
 * the editorial workspaces and read the events workspaces, never {@code registrations} nor
 * {@code config}; company groups get nothing here ({@link CompanyAccess} grants them their nodes);
 * {@code /config/security} (session secret, revocations, reset tokens) is for the system session only.
 */
public final class RepositoryAccess {

    /** Workspaces staff read but do not edit in place (the events module's own screens write them). */
    public static final Set<String> STAFF_READ_ONLY = Set.of("companies", "sites", "events", "editions");
    /** Top-level nodes no role group gets through these entries. */
    static final Set<String> PRIVATE = Set.of("config", "registrations", "home", "jcr:system", "oak:index",
            "rep:security");
    private static final Logger LOG = LoggerFactory.getLogger(RepositoryAccess.class);

    private RepositoryAccess() {
    }

    /** Writes the role groups' entries on the given workspaces (top-level node names); the caller saves. */
    public static void install(Session session, Collection<String> workspaces) throws javax.jcr.RepositoryException {
        Principal admins = groupPrincipal(session, Role.ADMIN.group());
        AccessControlUtils.addAccessControlEntry(session, "/", admins, new String[]{Privilege.JCR_ALL}, true);
        ensureFolder(session, SessionSecret.FOLDER);
        AccessControlUtils.addAccessControlEntry(session, SessionSecret.FOLDER, EveryonePrincipal.getInstance(),
                new String[]{Privilege.JCR_ALL}, false);
        Principal editors = groupPrincipal(session, Role.EDITOR.group());
        Principal publishers = groupPrincipal(session, Role.PUBLISHER.group());
        for (String workspace : workspaces) {
            if (PRIVATE.contains(workspace) || !session.nodeExists("/" + workspace)) {
                continue;
            }
            String privilege = STAFF_READ_ONLY.contains(workspace) ? Privilege.JCR_READ : Privilege.JCR_ALL;
            for (Principal staff : new Principal[]{editors, publishers}) {
                AccessControlUtils.addAccessControlEntry(session, "/" + workspace, staff, new String[]{privilege}, true);
            }
        }
        LOG.debug("Access control entries in place for workspaces {}", workspaces);
    }

    /** The node at {@code path}, created with its missing ancestors as {@code nt:unstructured}. */
    static Node ensureFolder(Session session, String path) throws javax.jcr.RepositoryException {
        Node node = session.getRootNode();
        for (String name : path.substring(1).split("/")) {
            node = node.hasNode(name) ? node.getNode(name) : node.addNode(name, "nt:unstructured");
        }
        return node;
    }

    static Principal groupPrincipal(Session session, String groupId) throws javax.jcr.RepositoryException {
        var group = Accounts.users(session).getAuthorizable(groupId);
        if (group == null) {
            group = Accounts.users(session).createGroup(groupId);
        }
        return group.getPrincipal();
    }
}
