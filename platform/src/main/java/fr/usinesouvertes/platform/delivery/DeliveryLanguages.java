package fr.usinesouvertes.platform.delivery;

import fr.usinesouvertes.platform.definition.SiteDefinition;
import fr.usinesouvertes.platform.http.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The content languages of the request's site (its definition's {@code i18n}), as Magnolia's
 * {@code DefaultI18nContentSupport} stores them: a property {@code title} holds the default language and
 * {@code title_en} the English variant. Chooses the language of an answer from {@code lang}, else from
 * {@code Accept-Language}, else the site's default; each localized property then holds the requested language's
 * value, else the fallback locale's, else the default one, and the suffixed variants are not listed.
 */
public final class DeliveryLanguages {

    /** French first, English second: the languages of a site whose definition says nothing about them. */
    public static final DeliveryLanguages SITE = of(SiteDefinition.SiteLanguages.DEFAULT);

    private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,8}([-_][a-zA-Z0-9]{1,8})*");

    private final String defaultLanguage;
    private final String fallbackLanguage;
    private final List<String> supported;
    private final boolean localized;

    private DeliveryLanguages(String defaultLanguage, String fallbackLanguage, List<String> supported, boolean localized) {
        this.defaultLanguage = defaultLanguage;
        this.fallbackLanguage = fallbackLanguage;
        this.supported = List.copyOf(supported);
        this.localized = localized;
    }

    /** The languages of a site definition; a site whose {@code i18n} is not enabled answers properties as stored. */
    public static DeliveryLanguages of(SiteDefinition.SiteLanguages site) {
        return new DeliveryLanguages(site.defaultLocale(), site.fallbackLocale(), site.locales(), site.enabled());
    }

    public String defaultLanguage() {
        return defaultLanguage;
    }

    public List<String> supported() {
        return supported;
    }

    /**
     * The language an answer is localized to, or {@code null} for raw properties (every {@code _xx} variant as
     * stored): {@code lang=all} (an addition to Magnolia's parameters), or a site without localized content. An
     * explicit {@code lang} is honoured even when the site has no such locale (values then fall back);
     * {@code Accept-Language} only when it names one of the site's locales; else the site's default language.
     */
    String choose(String lang, String acceptLanguage) {
        if (lang != null && !lang.isEmpty()) {
            if (lang.equals("all")) {
                return null;
            }
            if (!TAG.matcher(lang).matches()) {
                throw ApiException.badRequest("invalidFilter", "Parameter 'lang' is not a language tag: " + lang);
            }
            return localized ? normalise(lang) : null;
        }
        if (!localized) {
            return null;
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            for (String range : acceptLanguage.split(",")) {
                String tag = range.split(";")[0].trim();
                if (!TAG.matcher(tag).matches()) {
                    continue;
                }
                String language = normalise(tag);
                if (supported.contains(language)) {
                    return language;
                }
                String primary = primary(language);
                if (supported.contains(primary)) {
                    return primary;
                }
            }
        }
        return defaultLanguage;
    }

    /**
     * The property-name suffixes tried for {@code language}, in order: its own ({@code de_DE}), its primary language
     * ({@code de}), then the site's fallback locale when that is not the default; none for the default language
     * itself, whose values are the unsuffixed properties.
     */
    List<String> suffixes(String language) {
        List<String> suffixes = new ArrayList<>();
        if (!language.equals(defaultLanguage)) {
            suffixes.add(language);
            String primary = primary(language);
            if (!primary.equals(language) && !primary.equals(defaultLanguage)) {
                suffixes.add(primary);
            }
        }
        if (!fallbackLanguage.equals(defaultLanguage) && !suffixes.contains(fallbackLanguage)) {
            suffixes.add(fallbackLanguage);
        }
        return suffixes;
    }

    /**
     * The base name of a localized property name ({@code title} for {@code title_en}), or {@code null}
     * when the name has no language suffix. A suffix counts when it names a supported language or the
     * requested one, so that names such as {@code image_id} stay untouched.
     */
    String baseName(String propertyName, String requested) {
        int underscore = propertyName.lastIndexOf('_');
        if (underscore <= 0) {
            return null;
        }
        String suffix = propertyName.substring(underscore + 1);
        // de_DE style suffixes: the underscore before the country
        int before = propertyName.lastIndexOf('_', underscore - 1);
        if (before > 0 && suffix.length() == 2 && suffix.equals(suffix.toUpperCase(Locale.ROOT))) {
            String language = propertyName.substring(before + 1);
            if (isLanguage(language, requested)) {
                return propertyName.substring(0, before);
            }
        }
        return isLanguage(suffix, requested) ? propertyName.substring(0, underscore) : null;
    }

    private boolean isLanguage(String suffix, String requested) {
        return supported.contains(suffix) || (requested != null && suffixes(requested).contains(suffix));
    }

    private static String normalise(String tag) {
        String[] parts = tag.replace('-', '_').split("_");
        StringBuilder result = new StringBuilder(parts[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < parts.length; i++) {
            result.append('_').append(parts[i].length() == 2 ? parts[i].toUpperCase(Locale.ROOT) : parts[i]);
        }
        return result.toString();
    }

    private static String primary(String language) {
        int underscore = language.indexOf('_');
        return underscore < 0 ? language : language.substring(0, underscore);
    }
}
