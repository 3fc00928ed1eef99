package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
import java.util.Set;

/**
 * A back-office user as the platform sees it.
 *
 * @param login       e-mail address in lower case, also the Oak user id
 * @param displayName the name shown in the back office
 * @param roles       at least one role
 * @param company     node name in workspace {@code companies} for company users, else {@code null}
 */
@PluginApi
public record Account(String login, String displayName, Set<Role> roles, String company) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Organiser staff: administrators, editors and publishers. */
    public boolean isStaff() {
        return has(Role.ADMIN) || has(Role.EDITOR) || has(Role.PUBLISHER);
    }
}
