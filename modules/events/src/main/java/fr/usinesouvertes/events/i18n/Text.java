package fr.usinesouvertes.events.i18n;

/**
 * A sentence that is written in a language only when shown: one carried to several readers (a refusal to both a
 * page and an e-mail, a window decision to every page showing a slot), or an argument of such a sentence (a date).
 */
@FunctionalInterface
public interface Text {

    String in(Lang lang);

    default String fr() {
        return in(Lang.FR);
    }

    default String en() {
        return in(Lang.EN);
    }
}
