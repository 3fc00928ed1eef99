package fr.usinesouvertes.events.web;

import fr.usinesouvertes.events.edition.Audience;
import java.util.Arrays;
import java.util.Optional;

/** The three registration forms and the URL segment of each: {@code /inscription/<slot>/<segment>}. */
enum FormKind {
    PUBLIC("grand-public", Audience.PUBLIC),
    SCHOOL("scolaire", Audience.SCHOOL),
    FRANCE_TRAVAIL("france-travail", Audience.FRANCE_TRAVAIL);

    private final String segment;
    private final Audience audience;

    FormKind(String segment, Audience audience) {
        this.segment = segment;
        this.audience = audience;
    }

    String segment() {
        return segment;
    }

    Audience audience() {
        return audience;
    }

    static Optional<FormKind> fromSegment(String segment) {
        return Arrays.stream(values()).filter(kind -> kind.segment.equals(segment)).findFirst();
    }
}
