package fr.usinesouvertes.events.registration;

import fr.usinesouvertes.events.edition.Audience;
import java.util.Arrays;
import java.util.Optional;

/**
 * The three registration forms and the URL segment of each, the same in both languages:
 * {@code /inscription/<slot>/<segment>} and {@code /en/inscription/<slot>/<segment>}.
 */
public enum FormKind {
    PUBLIC("grand-public", Audience.PUBLIC),
    SCHOOL("scolaire", Audience.SCHOOL),
    FRANCE_TRAVAIL("france-travail", Audience.FRANCE_TRAVAIL);

    private final String segment;
    private final Audience audience;

    FormKind(String segment, Audience audience) {
        this.segment = segment;
        this.audience = audience;
    }

    public String segment() {
        return segment;
    }

    public Audience audience() {
        return audience;
    }

    /** The form a visiting audience registers with; empty for companies. */
    public static Optional<FormKind> of(Audience audience) {
        return Arrays.stream(values()).filter(kind -> kind.audience == audience).findFirst();
    }

    public static Optional<FormKind> fromSegment(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst();
    }
}
