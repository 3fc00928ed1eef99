package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;
/** What an account may do in the back office; each role is an Oak group ({@link #group()}). */
@PluginApi
public enum Role {
    /** Organiser administrator: everything, including accounts. */
    ADMIN("uo-admins"),
    /** Communication team: writes editorial content. */
    EDITOR("uo-editors"),
    /** Publishes what editors prepared. */
    PUBLISHER("uo-publishers"),
    /** A company's user: its own company, sites, event sheets and registrations only. */
    COMPANY("uo-companies");

    private final String group;

    Role(String group) {
        this.group = group;
    }

    /** The Oak group whose members have this role. */
    public String group() {
        return group;
    }
}
