package fr.usinesouvertes.events.i18n;

import java.util.Locale;

/** The languages the public site speaks: French first, English second. */
public enum Lang {
    FR(Locale.FRENCH), EN(Locale.ENGLISH);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The language for a code such as {@code en} or {@code en-GB}; French for anything else, as the site's default. */
    public static Lang fromCode(String code) {
        if (code != null && code.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return EN;
        }
        return FR;
    }
}
