package fr.usinesouvertes.platform.security;

import fr.usinesouvertes.platform.annotation.PluginApi;

/**
 * What an account may do in the back office; each role is an Oak group ({@link #group()}) and has a French
 * and an English name, the ones the back office shows ({@link #label(String)}).
 */
@PluginApi
public enum Role {
    /** Organiser administrator: everything, including accounts. */
    ADMIN("uo-admins", "Administrateur", "Administrator"),
    /** Communication team: writes editorial content. */
    EDITOR("uo-editors", "Rédacteur", "Editor"),
    /** Publishes what editors prepared (and may edit it as they do). */
    PUBLISHER("uo-publishers", "Éditeur-publieur", "Publisher"),
    /** A company's user: its own company, sites, event sheets and registrations only. */
    COMPANY("uo-companies", "Entreprise", "Company");

    private final String group;
    private final String labelFr;
    private final String labelEn;

    Role(String group, String labelFr, String labelEn) {
        this.group = group;
        this.labelFr = labelFr;
        this.labelEn = labelEn;
    }

    /** The Oak group whose members have this role. */
    public String group() {
        return group;
    }

    /** The role's name in French, e.g. {@code Rédacteur}. */
    public String labelFr() {
        return labelFr;
    }

    /** The role's name in English, e.g. {@code Editor}. */
    public String labelEn() {
        return labelEn;
    }

    /** The role's name in the back office's language: {@code en} gives English, anything else French. */
    public String label(String lang) {
        return "en".equals(lang) ? labelEn : labelFr;
    }
}
