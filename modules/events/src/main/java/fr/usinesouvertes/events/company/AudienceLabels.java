package fr.usinesouvertes.events.company;

import fr.usinesouvertes.events.edition.Audience;
import fr.usinesouvertes.events.i18n.Lang;
import fr.usinesouvertes.events.i18n.Messages;

/** Short names of the audiences for forms and tables: "Scolaires", "France Travail", "Grand public". */
public final class AudienceLabels {

    private AudienceLabels() {
    }

    public static String of(Audience audience, Lang lang) {
        return Messages.of(Messages.COMPANY, lang).text(switch (audience) {
            case SCHOOL -> "audienceLabel.school";
            case FRANCE_TRAVAIL -> "audienceLabel.franceTravail";
            case PUBLIC -> "audienceLabel.public";
            case COMPANY -> "audienceLabel.company";
        });
    }
}
