package fr.usinesouvertes.events.i18n;

import java.util.Objects;

/** A sentence shown to visitors, in French and in English. */
public record LocalizedText(String fr, String en) {

    public LocalizedText {
        Objects.requireNonNull(fr, "fr");
        Objects.requireNonNull(en, "en");
    }

    public String in(Lang lang) {
        return lang == Lang.EN ? en : fr;
    }
}
