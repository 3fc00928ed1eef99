package fr.usinesouvertes.events.i18n;

import java.text.MessageFormat;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The texts of one of the module's message bundles in one language: how the module's Java code writes the sentences
 * visitors and companies read (the templates read the same bundles).
 *
 * <p>A text read without arguments is the bundle's value as written. A text read with arguments is a
 * {@link MessageFormat} pattern read with the bundle's locale, as the templates' {@code i18n.get} reads them: a
 * straight apostrophe there is doubled ({@code ''}; the typographic ’ needs nothing), and a number written as plain
 * digits, as in a year or a head count, is {@code {0,number,#}} ({@code {0}} would group the thousands).
 */
public final class Messages {

    /** Visitors' pages, registration answers, e-mails and calendars (also the light module's template bundle). */
    public static final String EVENTS = "light-modules/events/i18n/events-messages";
    /** The company space and its forms. */
    public static final String COMPANY = "fr/usinesouvertes/events/company/company-messages";
    /** The check-in pages. */
    public static final String CHECKIN = "fr/usinesouvertes/events/checkin/checkin-messages";

    private static final ConcurrentMap<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String bundle;
    private final Lang lang;
    private final Map<String, String> texts;

    private Messages(String bundle, Lang lang, Map<String, String> texts) {
        this.bundle = bundle;
        this.lang = lang;
        this.texts = texts;
    }

    /** The bundle {@code name} in {@code lang}, read from the class path once. */
    public static Messages of(String name, Lang lang) {
        return LOADED.computeIfAbsent(name + "_" + lang.code(), k -> new Messages(name, lang, Bundles.of(name, lang)));
    }

    /**
     * The text of {@code key}, as written in the bundle.
     *
     * @throws MissingResourceException when the bundle has no such key: a mistake in the code, which the bundle tests
     *                                  catch, never shown to a visitor as a key
     */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new MissingResourceException("No message " + key + " in " + bundle + " (" + lang.code() + ")",
                    bundle, key);
        }
        return text;
    }

    /**
     * The pattern of {@code key} filled with {@code args} (see the class comment for quotes and numbers), an argument
     * that is a {@link Text} written in this language; without arguments, the text as written.
     */
    public String format(String key, Object... args) {
        if (args.length == 0) {
            return text(key);
        }
        Object[] values = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            values[i] = args[i] instanceof Text text ? text.in(lang) : args[i];
        }
        return new MessageFormat(text(key), lang.locale()).format(values);
    }

    /** Every key and its text, for a template's model. */
    public Map<String, String> all() {
        return texts;
    }
}
