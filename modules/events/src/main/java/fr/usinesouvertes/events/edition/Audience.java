package fr.usinesouvertes.events.edition;

import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import java.util.Arrays;
import java.util.Optional;

/**
 * Who signs up during an edition: companies (creating their sites and event sheets) and the three
 * kinds of visitors (school groups, France Travail groups of job seekers, the general public).
 */
public enum Audience {
    COMPANY("company", "audience.company.who"),
    SCHOOL("school", "audience.school.who"),
    FRANCE_TRAVAIL("franceTravail", "audience.franceTravail.who"),
    PUBLIC("public", "audience.public.who");

    private final String id;
    private final Message label;

    Audience(String id, String labelKey) {
        this.id = id;
        this.label = Message.of(Messages.EVENTS, labelKey);
    }

    /** The name used in the repository, in YAML and in the JSON API, e.g. {@code franceTravail}. */
    public String id() {
        return id;
    }

    /** Who, as written after "Les inscriptions …" / "Registration for …". */
    public Message label() {
        return label;
    }

    public boolean isVisitor() {
        return this != COMPANY;
    }

    public static Optional<Audience> fromId(String id) {
        return Arrays.stream(values()).filter(a -> a.id.equals(id)).findFirst();
    }
}
