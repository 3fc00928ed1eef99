package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;

/** Short names of the audiences for forms and tables: "Scolaires", "France Travail", "Grand public". */
public final class AudienceLabels {

    private AudienceLabels() {
    }

    public static String of(Audience audience, Lang lang) {
        return switch (audience) {
            case SCHOOL -> lang == Lang.EN ? "School groups" : "Scolaires";
            case FRANCE_TRAVAIL -> "France Travail";
            case PUBLIC -> lang == Lang.EN ? "General public" : "Grand public";
            case COMPANY -> lang == Lang.EN ? "Companies" : "Entreprises";
        };
    }
}
