package fr.usinesouvertes.platform.definition;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A site, read from a light module's {@code sites/<name>.yaml} as Magnolia's Site module reads it: the page tree it
 * serves, its host names, its content languages and its CORS rules. The site's root page is named like the site
 * (Magnolia's convention), or given by {@code mappings.website.handlePrefix}.
 *
 * @param name      the site's name: {@code name}, else the file name
 * @param rootPath  the site's root page below workspace {@code website}, e.g. {@code /travel}; {@code null} for a
 *                  site without a page tree of its own (Magnolia's {@code fallback})
 * @param domains   the host names the site answers for, lower case; empty: any host
 * @param languages the site's content languages ({@code i18n})
 * @param cors      the site's CORS rules ({@code cors}), in definition order
 * @param raw       the whole definition, for {@code sitefn.site()}
 */
public record SiteDefinition(String id, String name, String rootPath, List<String> domains, SiteLanguages languages,
                             List<CorsRule> cors, Map<String, Object> raw) {

    /** The name of the site Magnolia uses when no other site matches a request. */
    public static final String FALLBACK = "fallback";

    public SiteDefinition {
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).toList();
        cors = List.copyOf(cors);
    }

    /**
     * The page templates the site offers for its new pages, Magnolia's {@code templates.availability.templates}
     * (each entry's {@code id}); empty when the site does not restrict them (no availability, or {@code enableAll}).
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<java.util.Set<String>> availableTemplates() {
        Object templates = raw == null ? null : raw.get("templates");
        Object availability = templates instanceof Map<?, ?> map ? map.get("availability") : null;
        if (!(availability instanceof Map<?, ?> rules) || Boolean.TRUE.equals(rules.get("enableAll"))
                || "true".equals(String.valueOf(rules.get("enableAll")))) {
            return java.util.Optional.empty();
        }
        Object listed = rules.get("templates");
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        java.util.Collection<?> entries = listed instanceof Map<?, ?> named ? named.values()
                : listed instanceof List<?> list ? list : List.of();
        for (Object entry : entries) {
            Object id = entry instanceof Map<?, ?> template ? template.get("id") : entry;
            if (id != null) {
                ids.add(id.toString());
            }
        }
        return java.util.Optional.of(java.util.Set.copyOf(ids));
    }

    /** Whether the page at {@code path} (below workspace {@code website}) belongs to this site's page tree. */
    public boolean holds(String path) {
        return rootPath != null && (path.equals(rootPath) || path.startsWith(rootPath + "/"));
    }

    /** Whether the site names {@code host} (without port) among its domains. */
    public boolean servesHost(String host) {
        return host != null && domains.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * The content languages of a site ({@code i18n}), as language tags with {@code _} between language and country
     * as Magnolia's property suffixes spell them ({@code de_CH}).
     *
     * @param enabled         whether content is localized at all ({@code i18n.enabled})
     * @param locales         the enabled locales in definition order, the default first
     * @param defaultLocale   the language of unprefixed URLs and of unsuffixed properties
     * @param fallbackLocale  the language used when a property has no value in the requested one
     */
    public record SiteLanguages(boolean enabled, List<String> locales, String defaultLocale, String fallbackLocale) {

        /** French first, English second: the languages of a site whose definition says nothing about them. */
        public static final SiteLanguages DEFAULT = new SiteLanguages(true, List.of("fr", "en"), "fr", "fr");

        public SiteLanguages {
            locales = List.copyOf(locales);
        }

        /** Whether {@code language} is the default one, whose pages have no prefix and whose properties no suffix. */
        public boolean isDefault(String language) {
            return defaultLocale.equals(language);
        }

        /** The URL prefix of a language: none for the default one, else {@code /<locale>} ({@code /en}, {@code /de_CH}). */
        public String prefix(String language) {
            return isDefault(language) ? "" : "/" + language;
        }

        /**
         * The configured locale a URL's first segment names ({@code en}; {@code de_CH}, {@code de-CH} or {@code de-ch}
         * for {@code de_CH}), other than the default one, if any; none when the site's content is not localized.
         */
        public java.util.Optional<String> ofPrefix(String segment) {
            if (!enabled) {
                return java.util.Optional.empty(); // content not localized: no URL is rewritten, as Magnolia does
            }
            String asLocale = segment.replace('-', '_');
            return locales.stream().filter(l -> !isDefault(l) && l.equalsIgnoreCase(asLocale)).findFirst();
        }

        /**
         * The property-name suffixes read for {@code language} before the unsuffixed property: the language's own,
         * then the fallback locale's when it is not the default (Magnolia's {@code DefaultI18nContentSupport}).
         */
        public List<String> suffixes(String language) {
            List<String> suffixes = new java.util.ArrayList<>(2);
            if (!isDefault(language)) {
                suffixes.add(language);
            }
            if (!isDefault(fallbackLocale) && !fallbackLocale.equals(language)) {
                suffixes.add(fallbackLocale);
            }
            return suffixes;
        }
    }
}
