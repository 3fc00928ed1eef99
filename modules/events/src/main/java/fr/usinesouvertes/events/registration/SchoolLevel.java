package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.Message;
import fr.usinesouvertes.events.i18n.Messages;
import java.util.Arrays;
import java.util.Optional;

/** The level of a school group, from collège to higher education, as French schools name them. */
public enum SchoolLevel {
    COLLEGE("college", "schoolLevel.college"),
    LYCEE("lycee", "schoolLevel.lycee"),
    LYCEE_PROFESSIONNEL("lycee-professionnel", "schoolLevel.lyceeProfessionnel"),
    BTS("bts", "schoolLevel.bts"),
    CPGE("cpge", "schoolLevel.cpge"),
    SUPERIEUR("superieur", "schoolLevel.superieur");

    private final String id;
    private final Message label;

    SchoolLevel(String id, String labelKey) {
        this.id = id;
        this.label = Message.of(Messages.EVENTS, labelKey);
    }

    /** The value sent by forms and stored in the repository, e.g. {@code lycee-professionnel}. */
    public String id() {
        return id;
    }

    public Message label() {
        return label;
    }

    public static Optional<SchoolLevel> fromId(String id) {
        return Arrays.stream(values()).filter(level -> level.id.equals(id)).findFirst();
    }
}
