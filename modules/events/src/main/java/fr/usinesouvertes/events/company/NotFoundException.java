package fr.usinesouvertes.events.company;

/** The site, sheet or slot does not exist, or the company may not see it (the same answer: 404). */
public final class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
