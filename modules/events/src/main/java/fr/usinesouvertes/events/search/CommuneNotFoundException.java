package fr.usinesouvertes.events.search;

import java.util.List;

/** A place matched no commune, or several communes of the same name: {@code candidates} lists them. */
public final class CommuneNotFoundException extends RuntimeException {

    private final List<Commune> candidates;

    public CommuneNotFoundException(String message, List<Commune> candidates) {
        super(message);
        this.candidates = List.copyOf(candidates);
    }

    public List<Commune> candidates() {
        return candidates;
    }

    /** Several communes answer to the name: the caller should ask which one. */
    public boolean isAmbiguous() {
        return !candidates.isEmpty();
    }
}
