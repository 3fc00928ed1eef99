package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.i18n.LocalizedText;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who signs up during an edition: companies (creating their sites and event sheets) and the three
 * kinds of visitors (school groups, France Travail groups of job seekers, the general public).
 */
public enum Audience {
    COMPANY("company", new LocalizedText("des entreprises", "companies")),
    SCHOOL("school", new LocalizedText("des groupes scolaires", "school groups")),
    FRANCE_TRAVAIL("franceTravail", new LocalizedText("des groupes France Travail", "France Travail groups")),
    PUBLIC("public", new LocalizedText("du grand public", "the general public"));

    private final String id;
    private final LocalizedText label;

    Audience(String id, LocalizedText label) {
        this.id = id;
        this.label = label;
    }

    /** The name used in the repository, in YAML and in the JSON API, e.g. {@code franceTravail}. */
    public String id() {
        return id;
    }

    /** Who, as written after "Les inscriptions …" / "Registration for …". */
    public LocalizedText label() {
        return label;
    }

    public boolean isVisitor() {
        return this != COMPANY;
    }

    public static Optional<Audience> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
