package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.i18n.LocalizedText;
import java.util.Arrays;
import java.util.Optional;

/** The level of a school group, from collège to higher education, as French schools name them. */
public enum SchoolLevel {
    COLLEGE("college", new LocalizedText("Collège", "Lower secondary school (collège)")),
    LYCEE("lycee", new LocalizedText("Lycée général et technologique", "General and technological upper secondary school")),
    LYCEE_PROFESSIONNEL("lycee-professionnel", new LocalizedText("Lycée professionnel", "Vocational upper secondary school")),
    BTS("bts", new LocalizedText("BTS (section de technicien supérieur)", "Higher technician section (BTS)")),
    CPGE("cpge", new LocalizedText("Classe préparatoire aux grandes écoles", "Preparatory class for the grandes écoles")),
    SUPERIEUR("superieur", new LocalizedText("Enseignement supérieur (université, BUT, école d'ingénieurs)",
            "Higher education (university, BUT, engineering school)"));

    private final String id;
    private final LocalizedText label;

    SchoolLevel(String id, LocalizedText label) {
        this.id = id;
        this.label = label;
    }

    /** The value sent by forms and stored in the repository, e.g. {@code lycee-professionnel}. */
    public String id() {
        return id;
    }

    public LocalizedText label() {
        return label;
    }

    public static Optional<SchoolLevel> fromId(String id) {
        return Arrays.stream(values()).filter(level -> level.id.equals(id)).findFirst();
    }
}
